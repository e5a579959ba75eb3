package invs.fuzz.protocol;

/**
 * A server broke the out-of-process protocol: it did not answer in time, exited, or answered something
 * that is not a valid reply to the request. Thrown by {@link ExternalSystem#apply}, where the engine turns
 * it into a robustness finding; the message is one readable paragraph for the report.
 */
public final class ProtocolFailure extends RuntimeException {
    /** A failure described by {@code message}. */
    public ProtocolFailure(String message) {
        super(message);
    }

    /** The message alone: the engine prints {@code toString()}, which should not show a class name. */
    @Override
    public String toString() {
        return "protocol failure: " + getMessage();
    }
}
