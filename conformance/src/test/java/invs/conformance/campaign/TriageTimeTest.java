package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.generation.Swarm;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Triage keeps to the shrink time against a slow system (a server whose every sequence takes long to
 * start): shrinking a finding, revealing included, and grouping the findings each stop when their time is
 * up, with at most the sequence under way to finish. Before, grouping ran its variants and shrank each
 * finding's minimal forms for two seconds more whatever the shrink time.
 */
class TriageTimeTest {
    private static final AppId A = AppId.of(0);
    private static final AppId B = AppId.of(1);
    private static final Configuration BOARD = StandardConfigurations.docDefault().configuration();
    private static final Checks CHECKS = Checks.of(Vector.of(Property.values()));
    private static final Duration START = Duration.ofMillis(150);
    private static final Duration SHRINK_TIME = Duration.ofMillis(150);

    /** {@code factory}, each system of which takes {@link #START} to make. */
    private static SystemUnderTestFactory slow(SystemUnderTestFactory factory) {
        return configuration -> {
            try {
                Thread.sleep(START);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return factory.create(configuration);
        };
    }

    /** A repeated upcall after {@code padding} inputs that have nothing to do with it. */
    private static Vector<Input> repeatedUpcall(int padding) {
        return Vector.<Input>fill(padding, () -> new Tick()).appendAll(Vector.fill(padding, () -> new Yield(B)))
                .appendAll(Vector.of(new Subscribe(A, 0), new Command(A, 1, 0, 0), new Drain(), new Yield(A), new Yield(A)));
    }

    @Test
    void triageAgainstASlowSystemKeepsToTheShrinkTime() {
        Mutant mutant = Zoo.named("upcall-repeated").get();
        Run run = Session.run(BOARD, mutant, CHECKS, repeatedUpcall(40));
        assertTrue(run.failed(), "the mutant fails the sequence");
        Failure failure = new Failure("board", run, CHECKS, 0, 0, "try 0", Swarm.everything(), Duration.ZERO);
        Triage triage = new Triage(mutant.name(), slow(mutant), Option.none(), SHRINK_TIME, Option.none(),
                CampaignListener.NONE);
        triage.report(failure);
        long start = System.nanoTime();
        Vector<Cause> causes = triage.finish(1);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, causes.size());
        // shrinking: 0.15 s and the sequence under way (0.15 s); grouping: the same again. Before, grouping
        // alone took over 2 s (the minimal form's own budget) on top of its variants.
        assertTrue(seconds < 1.6, "triage took " + seconds + " s for a shrink time of " + SHRINK_TIME);
        assertTrue(causes.head().representative().shrunkLength() <= run.steps().size(), "still a failing sequence");
    }
}
