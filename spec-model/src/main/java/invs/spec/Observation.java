package invs.spec;

import io.vavr.control.Option;

/**
 * What an implementation shows in answer to one {@link Input}.
 */
public sealed interface Observation {

    /** The system call returned SUCCESS (with no value). */
    record Success() implements Observation {
        /** The one made by {@link Observation#success()}: traces and replies hold many. */
        private static final Success ONE = new Success();

        @Override
        public String toString() {
            return "SUCCESS";
        }
    }

    /**
     * The system call returned a failure.
     *
     * @param code the error code
     */
    record Failure(ErrorCode code) implements Observation {
        @Override
        public String toString() {
            return "FAILURE " + code;
        }
    }

    /**
     * A yield returned: at most one upcall ran, and the app's read-write buffer then held
     * {@code readBuffer} (empty when none is allowed).
     *
     * @param upcall     the upcall that ran, if any
     * @param readBuffer the contents of read-write allow 0 after the yield
     */
    record Yielded(Option<Upcall> upcall, Bytes readBuffer) implements Observation {
        @Override
        public String toString() {
            return upcall.map(Upcall::toString).getOrElse("no upcall") + ", buffer " + readBuffer;
        }
    }

    /** An environment event happened; nothing is observed directly. */
    record Quiet() implements Observation {
        /** The one made by {@link Observation#quiet()}: traces and replies hold many. */
        private static final Quiet ONE = new Quiet();

        @Override
        public String toString() {
            return "quiet";
        }
    }

    /** SUCCESS (always the same instance). */
    static Observation success() {
        return Success.ONE;
    }

    /** FAILURE with {@code code}. */
    static Observation failure(ErrorCode code) {
        return new Failure(code);
    }

    /** The answer to an event (always the same instance). */
    static Observation quiet() {
        return Quiet.ONE;
    }
}
