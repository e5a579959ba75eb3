package invs.conformance.campaign;

import invs.conformance.check.Run;
import invs.conformance.check.Violation;
import invs.conformance.shrink.Shrinker;
import invs.spec.Observation;
import invs.spec.Upcall;
import invs.spec.model.Divergence;
import invs.spec.model.Expectation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;

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
 * <p>The form's reading (its {@link Signature}) is one more symptom of the finding.
 */
final class MinimalForm {
    /** At most this long is spent shrinking one finding to its minimal form. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    private static final String NONE = "no upcall";

    private MinimalForm() {
    }

    /**
     * The reading of {@code finding}'s minimal form, if the finding still fails when run again through
     * {@code reproduction} and was found with the model.
     */
    static Option<String> of(Finding finding, Shrinker.Reproduction reproduction, boolean reshapeBoard) {
        Vector<String> expected = telling(expectations(finding.violation()));
        if (expected.isEmpty()) {
            return Option.none();
        }
        Run run = reproduction.attempt(finding.trace().header().configuration(), finding.trace().inputs());
        if (run.violation().isEmpty()) {
            return Option.none();
        }
        Run smallest = new Shrinker(reproduction, BUDGET, reshapeBoard)
                .shrink(run, violation -> violation.property() == finding.property()
                        && expectations(violation).exists(expected::contains)).run();
        return Option.some(Signature.of(smallest.violation().get()));
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
