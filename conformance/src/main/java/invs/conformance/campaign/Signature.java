package invs.conformance.campaign;

import invs.conformance.explain.Differences;
import invs.conformance.explain.Difference;
import invs.conformance.explain.Field;

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
import invs.spec.model.Divergence;
import invs.spec.model.Expectation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What a first divergence shows, without what a different sequence of the same defect would change: the
 * property, the kind of input (not its app, operation or arguments), and the most telling field in which
 * the observation differs from the closest allowed outcome, with what that outcome expected there.
 * Neither the clause nor the operation is part of it: one defect breaks the rules of every operation it
 * touches (a missing upcall is missing after a read, a write or a size request alike), so what is
 * compared is what went wrong, not where. An isolation finding is read in the same words against the one
 * answer it was compared with, what its subject observes when the other apps do nothing; a finding of a
 * property checked against neither (liveness, durability, robustness) by what was observed. The cause
 * grouping of campaigns compares signatures (docs/conformance.md, "One report per cause").
 *
 * <p>Examples: {@code lockstep at command [return: expected SUCCESS]} (an operation refused, whatever the
 * refusal), {@code lockstep at yield [upcall: expected one]} (an upcall missing), {@code lockstep at yield
 * [status: expected NOMEM]}, {@code lockstep at yield [argument 1]}, {@code lockstep at yield [buffer bytes]},
 * {@code isolation at yield [buffer bytes]} (another app's data in the subject's buffer), {@code liveness at
 * yield [no upcall]}.
 */
public final class Signature {
    private Signature() {
    }

    /** The signature of {@code violation}: its first reading (see {@link #readings(Violation)}). */
    public static String of(Violation violation) {
        return readings(violation).head();
    }

    /**
     * Every reading of {@code violation}, the most likely first. A lockstep divergence is read against
     * each allowed outcome of the same shape (a return for a return; for a yield, an upcall on the same
     * subscribe number, or none for none): each names what the implementation should have shown instead
     * (an empty write that succeeded with count 0 reads as "RESERVE expected" and as "count wrong"); so is
     * each of the closest allowed outcomes, whatever its shape (a yield without upcall whose buffer holds
     * what a read put there reads as "upcall expected" as much as "buffer wrong").
     */
    public static Vector<String> readings(Violation violation) {
        String at = violation.property().label() + " at " + inputKind(violation.input()) + " [";
        Vector<String> shown = violation.divergence()
                .map(Signature::telling)
                .orElse(() -> compared(violation))
                .getOrElse(() -> Vector.of(violation.observed().map(Signature::shape).getOrElse("no answer")));
        return shown.map(reading -> at + reading + "]");
    }

    /**
     * For a violation checked against one answer (isolation: what the subject observes alone), the readings
     * of the most significant field in which the observation differs from it.
     */
    private static Option<Vector<String>> compared(Violation violation) {
        return violation.expected().flatMap(expected -> violation.observed()
                        .map(observed -> Differences.between(new Expectation.Exactly(expected), observed)))
                .filter(differences -> !differences.isEmpty())
                .map(differences -> read(differences.minBy(difference -> significance(difference.field())).get()));
    }

    /** The kind of input: {@code command}, {@code yield}, {@code allow-rw}, {@code reboot}, … */
    public static String inputKind(Input input) {
        return switch (input) {
            case Command command -> DriverNumbers.isOperation(command.number()) || command.number() == DriverNumbers.EXISTS
                    ? "command" : "command (undefined)";
            case AllowReadOnly allow -> "allow-ro";
            case AllowReadWrite allow -> "allow-rw";
            case Subscribe subscribe -> "subscribe";
            case Unsubscribe unsubscribe -> "unsubscribe";
            case Yield yield -> "yield";
            default -> input.getClass().getSimpleName().toLowerCase();
        };
    }

    /**
     * The most telling difference from each allowed outcome of the observation's shape and from each of
     * the closest allowed outcomes (those with the fewest differing fields), those with the fewest and
     * least significant differences first; the most telling field of an outcome is its most significant one
     * that differs (a wrong status explains a wrong count and buffer).
     */
    static Vector<String> telling(Divergence divergence) {
        Vector<Vector<Difference>> compared = divergence.allowed()
                .map(outcome -> Differences.between(outcome.expected(), divergence.observed()))
                .filter(differences -> !differences.isEmpty())
                .sortBy(differences -> differences.size() * 100 + Field.values().length - mostSignificant(differences));
        Vector<Vector<Difference>> sameShape = compared.filter(differences -> differences.forAll(difference ->
                significance(difference.field()) > significance(Field.UPCALL_NUMBER)));
        int fewest = compared.map(Vector::size).min().getOrElse(0);
        Vector<Vector<Difference>> read = sameShape.appendAll(compared.filter(differences -> differences.size() == fewest));
        Vector<String> readings = read
                .flatMap(differences -> read(differences.minBy(difference -> significance(difference.field())).get()))
                .distinct();
        return readings.isEmpty() ? Vector.of("no difference") : readings;
    }

    /** How significant a field is: 0 for the kind of answer, the most significant. */
    private static int significance(Field field) {
        return switch (field) {
            case KIND -> 0;
            case RETURN -> 1;
            case UPCALL -> 2;
            case UPCALL_NUMBER -> 3;
            case STATUS -> 4;
            case ARG1 -> 5;
            case ARG2 -> 6;
            case BUFFER_LENGTH -> 7;
            case BUFFER -> 8;
        };
    }

    private static int mostSignificant(Vector<Difference> differences) {
        return differences.map(difference -> significance(difference.field())).min().getOrElse(Field.values().length);
    }

    /**
     * The readings of one difference: the field with what the allowed outcome expected there, where that
     * tells the situation apart; and for a return or status that is an error where none of that kind was
     * due, the error too (an implementation's wrong error names what it thought was wrong: a NOMEM where a
     * read should have succeeded, been refused as out of range or answered RESERVE reads as one defect). A
     * wrong SUCCESS is read by what was due instead only: it says no more than that some check is missing.
     */
    private static Vector<String> read(Difference difference) {
        String label = difference.field().label();
        return switch (difference.field()) {
            case RETURN -> Vector.of(label + ": expected " + difference.expected())
                    .appendAll(Vector.of(difference.observed()).filter(seen -> seen.startsWith("FAILURE"))
                            .map(seen -> label + ": observed " + seen));
            case STATUS -> Vector.of(label + ": expected " + statusName(difference.expected()))
                    .appendAll(Vector.of(statusName(difference.observed())).filter(seen -> !seen.equals("SUCCESS"))
                            .map(seen -> label + ": observed " + seen));
            case UPCALL_NUMBER -> Vector.of(label + ": expected " + difference.expected());
            case UPCALL -> Vector.of(label + ": expected " + (difference.expected().equals("no upcall") ? "none" : "one"));
            default -> Vector.of(label);
        };
    }

    /** {@code 6 (INVAL)} becomes {@code INVAL}; {@code 0 (SUCCESS)} becomes {@code SUCCESS}. */
    private static String statusName(String status) {
        int open = status.indexOf('(');
        return open < 0 ? status : status.substring(open + 1, status.length() - 1);
    }

    /** What an observation was, in the words of a signature (for properties checked against no allowed answer). */
    private static String shape(Observation observation) {
        return switch (observation) {
            case Observation.Yielded yielded -> yielded.upcall().map(upcall -> "upcall " + upcall.subscribeNumber()
                    + " status " + upcall.status()).getOrElse("no upcall");
            default -> observation.toString();
        };
    }
}
