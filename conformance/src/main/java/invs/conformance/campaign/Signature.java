package invs.conformance.campaign;

import invs.conformance.explain.Differences;
import invs.conformance.explain.Difference;

import invs.conformance.check.Violation;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Command;
import invs.spec.DriverNumbers;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Yield;

/**
 * What a first divergence shows, without the details a different sequence would change (apps, offsets,
 * data): the property, the clause, the kind of input, and the fields that differ from the closest allowed
 * outcome with the kind of value observed there. Two failures of one defect usually share it; the cause
 * grouping of campaigns compares signatures.
 */
public final class Signature {
    private Signature() {
    }

    /** The signature of {@code violation}. */
    public static String of(Violation violation) {
        String fields = violation.divergence()
                .map(divergence -> Differences.closest(divergence)._2
                        .map(difference -> difference.field().name().toLowerCase() + "=" + valueClass(difference))
                        .mkString(","))
                .getOrElse(violation.observed().map(Signature::shape).getOrElse("no answer"));
        return violation.key() + " at " + inputKind(violation.input()) + " [" + fields + "]";
    }

    /** The kind of input: {@code command 2}, {@code yield}, {@code allow-rw}, {@code reboot}, … */
    public static String inputKind(Input input) {
        return switch (input) {
            case Command command -> DriverNumbers.isOperation(command.number()) || command.number() == DriverNumbers.EXISTS
                    ? "command " + command.number() : "command (undefined)";
            case AllowReadOnly allow -> "allow-ro";
            case AllowReadWrite allow -> "allow-rw";
            case Subscribe subscribe -> "subscribe";
            case Unsubscribe unsubscribe -> "unsubscribe";
            case Yield yield -> "yield";
            default -> input.getClass().getSimpleName().toLowerCase();
        };
    }

    /** The kind of value observed in a differing field: the return or status itself, else only what it is. */
    private static String valueClass(Difference difference) {
        return switch (difference.field()) {
            case RETURN, STATUS, UPCALL_NUMBER -> difference.observed();
            case UPCALL -> difference.observed().equals("no upcall") ? "none" : "some";
            default -> "differs";
        };
    }

    private static String shape(Observation observation) {
        return switch (observation) {
            case Observation.Yielded yielded -> yielded.upcall().map(upcall -> "upcall " + upcall.subscribeNumber()
                    + " status " + upcall.status()).getOrElse("no upcall");
            default -> observation.toString();
        };
    }
}
