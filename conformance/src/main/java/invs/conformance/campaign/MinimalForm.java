package invs.conformance.campaign;

import invs.conformance.check.Run;
import invs.conformance.check.Violation;
import invs.conformance.shrink.Deadline;
import invs.conformance.shrink.Shrinker;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.model.Divergence;
import invs.spec.model.Expectation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * The smallest form of a finding's defect (docs/conformance.md, "One report per cause"). A finding is
 * shrunk keeping its rule, so two findings of one defect can stay apart: a queued upcall that a restart
 * dropped shows as another upcall delivered in its place when the app asked for a second operation, and
 * as no upcall at all when it did not; each keeps the steps that make its own symptom. Shrunk again
 * accepting any failure of the same property at which the specification still expected what it expected
 * at the finding's failing step (an allowed answer of the same kind, upcall number and status, other than
 * no upcall at all when there are others: here the dropped upcall), both lose those steps and meet in one
 * form. Keeping the expectation keeps the shrinking from slipping into another defect of the same system,
 * whose failures the specification expects other answers at.
 *
 * <p>A finding that showed an upcall the specification did not expect at all (a subscription a restart
 * should have dropped delivers its upcall where the specification expected another operation's) is
 * also shrunk keeping that upcall: without the other operation it reads as an upcall where none was due,
 * like the findings that never had one queued.
 *
 * <p>The readings of these forms (their {@link Signature}s) are more symptoms of the finding.
 */
final class MinimalForm {
    /** At most this long is spent shrinking one finding to its minimal form. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    private static final String NONE = "no upcall";

    private MinimalForm() {
    }

    /**
     * The readings of {@code finding}'s minimal forms, if the finding still fails when run again through
     * {@code reproduction} and was found with the model: the one keeping what the specification expected,
     * and, when the finding showed an upcall the specification did not expect at all, the one keeping that
     * upcall; none once {@code deadline} has passed, and each shrunk for at most {@link #BUDGET} and no
     * later than the deadline.
     */
    static Vector<String> of(Finding finding, Shrinker.Reproduction reproduction, boolean reshapeBoard, Deadline deadline) {
        Vector<String> expected = telling(expectations(finding.violation()));
        if (expected.isEmpty() || deadline.passed()) {
            return Vector.empty();
        }
        Run run = reproduction.attempt(finding.trace().header().configuration(), finding.trace().inputs());
        if (run.violation().isEmpty()) {
            return Vector.empty();
        }
        Vector<Predicate<Violation>> keeps = Vector.of(violation -> expectations(violation).exists(expected::contains));
        Option<String> extra = unexpectedUpcall(finding.violation());
        if (extra.isDefined()) {
            keeps = keeps.append(violation -> unexpectedUpcall(violation).equals(extra));
        }
        return keeps.map(keep -> new Shrinker(reproduction, budget(deadline), reshapeBoard)
                        .shrink(run, violation -> violation.property() == finding.property() && keep.test(violation)).run())
                .map(smallest -> Signature.of(smallest.violation().get()))
                .distinct();
    }

    /** {@link #BUDGET}, or what is left before {@code deadline} when that is less. */
    private static Duration budget(Deadline deadline) {
        Duration left = deadline.remaining();
        return left.compareTo(BUDGET) < 0 ? left : BUDGET;
    }

    /**
     * The upcall {@code violation} showed, by number and status, if the specification allowed no upcall of
     * that number there (an upcall delivered that was never due, rather than one out of turn).
     */
    static Option<String> unexpectedUpcall(Violation violation) {
        if (!(violation.observed().getOrNull() instanceof Observation.Yielded(Option<Upcall> seen, var buffer))
                || seen.isEmpty() || violation.divergence().isEmpty()) {
            return Option.none();
        }
        int number = seen.get().subscribeNumber();
        boolean allowed = violation.divergence().get().allowed().exists(outcome -> switch (outcome.expected()) {
            case Expectation.YieldedAs yielded -> yielded.upcall().exists(upcall -> upcall.subscribeNumber() == number);
            case Expectation.Exactly(Observation.Yielded yielded) -> yielded.upcall().exists(upcall -> upcall.subscribeNumber() == number);
            case Expectation.Exactly exactly -> false;
        });
        return allowed ? Option.none() : Option.some(shape(seen));
    }

    /**
     * What the specification expected at {@code violation}'s step, each allowed answer by its kind, upcall
     * number and status (not its arguments or buffer); none for a violation found without the model.
     */
    static Vector<String> expectations(Violation violation) {
        return violation.divergence().toVector().flatMap(Divergence::allowed).map(outcome -> switch (outcome.expected()) {
            case Expectation.YieldedAs yielded -> shape(yielded.upcall());
            case Expectation.Exactly(Observation.Yielded yielded) -> shape(yielded.upcall());
            case Expectation.Exactly exactly -> exactly.observation().toString();
        }).distinct();
    }

    /**
     * The expectations that tell a failure apart: without {@code no upcall} when there are others (a yield
     * with nothing to deliver is allowed at almost every step, so expecting it says little).
     */
    static Vector<String> telling(Vector<String> expectations) {
        Vector<String> positive = expectations.remove(NONE);
        return positive.isEmpty() ? expectations : positive;
    }

    private static String shape(Option<Upcall> upcall) {
        return upcall.map(called -> "upcall " + called.subscribeNumber() + " " + called.status()).getOrElse(NONE);
    }
}
