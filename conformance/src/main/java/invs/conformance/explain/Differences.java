package invs.conformance.explain;

import invs.spec.Bytes;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.model.Cells;
import invs.spec.model.Divergence;
import invs.spec.model.Expectation;
import invs.spec.model.Outcome;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Field by field, how an observation differs from an allowed expectation, and which allowed outcome is
 * the closest to what was observed: the one of the same shape with the fewest differing fields (an upcall
 * where an upcall was seen, a return where a return was), then, among equals, a flash fault's {@code FAIL}
 * upcall (docs/decisions.md), then the first the model gave.
 * An upcall seen with a wrong value is explained by the upcall that was due, not by the "no upcall" a
 * yield may also have shown (an operation still under way), and so is filed under the clause of that
 * upcall rather than liveness's.
 */
public final class Differences {
    /** Bytes of context shown around a run of differing buffer bytes. */
    static final int CONTEXT = 4;
    /**
     * What a difference of shape (an upcall present or not, another kind of answer) weighs against a field
     * that differs: more than every field of an upcall (number, status and both arguments) together.
     */
    static final int SHAPE = 5;

    private Differences() {
    }

    /**
     * The allowed outcome of {@code divergence} closest to what was observed, with the fields that differ:
     * the fewest differences, then a flash fault's outcome, then the first the model gave.
     */
    public static Tuple2<Outcome, Vector<Difference>> closest(Divergence divergence) {
        Tuple2<Outcome, Vector<Difference>> closest = null;
        int least = Integer.MAX_VALUE;
        for (Outcome outcome : divergence.allowed()) {
            Vector<Difference> differences = between(outcome.expected(), divergence.observed());
            int weight = weight(differences);
            if (weight < least || weight == least && isFault(outcome) && !isFault(closest._1)) {
                closest = Tuple.of(outcome, differences);
                least = weight;
            }
        }
        if (closest == null) {
            throw new IllegalArgumentException("a divergence allows at least one outcome");
        }
        return closest;
    }

    /**
     * Whether {@code outcome} is a storage error, an upcall with status FAIL: the specification allows one
     * only where an armed flash fault may hit the operation. Among answers as close as each other to what
     * was observed it explains a divergence best: the shrunk sequence a finding shows keeps a flash fault
     * only if the divergence needs it, so a fault still there is what the system mishandled (a SUCCESS where
     * the fault's FAIL and a missing buffer's RESERVE were both allowed is an ignored fault, and its finding
     * is filed under the FAIL rule; without the fault the shrunk sequence has no FAIL to choose).
     */
    private static boolean isFault(Outcome outcome) {
        Option<Upcall> upcall = switch (outcome.expected()) {
            case Expectation.YieldedAs yielded -> yielded.upcall();
            case Expectation.Exactly(Observation.Yielded yielded) -> yielded.upcall();
            case Expectation.Exactly exactly -> Option.none();
        };
        return upcall.exists(due -> due.status() == ErrorCode.FAIL.number());
    }

    /** How far apart {@code differences} put two answers: each field 1, a difference of shape {@link #SHAPE}. */
    static int weight(Vector<Difference> differences) {
        return differences.map(difference -> difference.field() == Field.UPCALL || difference.field() == Field.KIND
                ? SHAPE : 1).sum().intValue();
    }

    /** The fields in which {@code observed} differs from {@code expected}. */
    public static Vector<Difference> between(Expectation expected, Observation observed) {
        return switch (expected) {
            case Expectation.Exactly(Observation allowed) -> between(allowed, observed);
            case Expectation.YieldedAs yielded when observed instanceof Observation.Yielded seen ->
                    upcall(yielded.upcall(), seen.upcall()).appendAll(buffer(yielded.buffer(), seen.readBuffer()));
            case Expectation.YieldedAs yielded -> Vector.of(new Difference(Field.KIND, "a yield's answer", observed.toString()));
        };
    }

    private static Vector<Difference> between(Observation allowed, Observation observed) {
        if (allowed.equals(observed)) {
            return Vector.empty();
        }
        boolean returns = isReturn(allowed) && isReturn(observed);
        if (returns) {
            return Vector.of(new Difference(Field.RETURN, allowed.toString(), observed.toString()));
        }
        if (allowed instanceof Observation.Yielded a && observed instanceof Observation.Yielded b) {
            return upcall(a.upcall(), b.upcall()).appendAll(buffer(Cells.known(a.readBuffer()), b.readBuffer()));
        }
        return Vector.of(new Difference(Field.KIND, allowed.toString(), observed.toString()));
    }

    private static boolean isReturn(Observation observation) {
        return observation instanceof Observation.Success || observation instanceof Observation.Failure;
    }

    private static Vector<Difference> upcall(Option<Upcall> allowed, Option<Upcall> seen) {
        if (allowed.isEmpty() && seen.isEmpty()) {
            return Vector.empty();
        }
        if (allowed.isEmpty() || seen.isEmpty()) {
            return Vector.of(new Difference(Field.UPCALL, allowed.map(Upcall::toString).getOrElse("no upcall"),
                    seen.map(Upcall::toString).getOrElse("no upcall")));
        }
        Upcall a = allowed.get();
        Upcall b = seen.get();
        Vector<Difference> found = Vector.empty();
        if (a.subscribeNumber() != b.subscribeNumber()) {
            found = found.append(new Difference(Field.UPCALL_NUMBER, "" + a.subscribeNumber(), "" + b.subscribeNumber()));
        }
        if (a.status() != b.status()) {
            found = found.append(new Difference(Field.STATUS, status(a.status()), status(b.status())));
        }
        if (a.arg1() != b.arg1()) {
            found = found.append(new Difference(Field.ARG1, "" + a.arg1(), "" + b.arg1()));
        }
        if (a.arg2() != b.arg2()) {
            found = found.append(new Difference(Field.ARG2, "" + a.arg2(), "" + b.arg2()));
        }
        return found;
    }

    /** A status with its TRD104 name, for example {@code 6 (INVAL)}. */
    static String status(long status) {
        if (status == 0) {
            return "0 (SUCCESS)";
        }
        return Vector.of(ErrorCode.values()).find(code -> code.number() == status)
                .map(code -> status + " (" + code + ")").getOrElse(Long.toString(status));
    }

    private static Vector<Difference> buffer(Cells allowed, Bytes seen) {
        if (allowed.length() != seen.length()) {
            return Vector.of(new Difference(Field.BUFFER_LENGTH, allowed.length() + " bytes", seen.length() + " bytes"));
        }
        if (allowed.admits(seen)) {
            return Vector.empty();
        }
        return Vector.of(BufferWindow.of(allowed, seen));
    }
}
