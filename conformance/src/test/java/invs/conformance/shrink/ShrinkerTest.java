package invs.conformance.shrink;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.trace.TraceStep;

import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.check.Violation;
import invs.conformance.coverage.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class ShrinkerTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final AppId ALPHA = AppId.of(0);
    private static final AppId GAMMA = AppId.of(2);

    /** 1,000 generated inputs of apps 0 and 1, then the six that show the bug. */
    private static Vector<Input> longFailure() {
        return LateBug.failure(DOC, 7);
    }

    private static Run run(Configuration configuration, Vector<Input> inputs) {
        return Session.run(configuration, LateBug::new, Checks.online(), inputs, new Statistics());
    }

    /** A run of {@code inputs} that a synthetic reproduction says ended with {@code violation}. */
    private static Run synthetic(Configuration configuration, Vector<Input> inputs, Option<Violation> violation) {
        return new Run(configuration, inputs.map(TraceStep::of), violation);
    }

    @Test
    void aThousandStepFailureShrinksToItsFewStepsInSeconds() {
        Vector<Input> inputs = longFailure();
        assertEquals(1000, inputs.size());
        Run failing = run(DOC, inputs);
        Option<Violation> violation = failing.violation();
        assertTrue(violation.isDefined(), "the long sequence fails");
        assertEquals(999, violation.get().step(), violation.get().description());
        Shrinker.Result result = new Shrinker(ShrinkerTest::run, Duration.ofSeconds(60)).shrink(failing);
        assertTrue(result.inputs().size() <= 8, "shrunk to " + result.inputs());
        assertEquals(violation.get().key(), result.violation().key());
        assertTrue(result.inputs().contains(new Restart(GAMMA)), result.inputs().toString());
        assertEquals(result.violation(), run(result.configuration(), result.inputs()).violation().get());
        assertEquals(run(result.configuration(), result.inputs()).steps(), result.run().steps(),
                "the result carries the observations of its run");
    }

    @Test
    void aSyntheticFailureNeedingThreeScatteredStepsShrinksToExactlyThem() {
        Input first = new AllowReadOnly(ALPHA, 0, Bytes.of((byte) 1));
        Input second = Command.write(ALPHA, 5);
        Input third = new Yield(AppId.of(1));
        Vector<Input> inputs = Vector.fill(1000, Tick::new).map(tick -> (Input) tick)
                .update(100, first).update(500, second).update(999, third);
        Shrinker.Reproduction needsAll = (configuration, candidate) -> {
            int a = candidate.indexOf(first);
            int b = candidate.indexOf(second);
            int c = candidate.indexOf(third);
            return synthetic(configuration, candidate, a >= 0 && a < b && b < c ? Option.some(new Violation(Property.LOCKSTEP,
                    Option.some(Clause.TRD104_YIELD), c, third, Option.none(), "synthetic", Option.none())) : Option.none());
        };
        Shrinker.Result result = new Shrinker(needsAll, Duration.ofSeconds(10)).shrink(needsAll.attempt(DOC, inputs));
        assertEquals(Vector.of(first, second, third), result.inputs());
        assertTrue(result.attempts() < 400, "attempts: " + result.attempts());
    }

    @Test
    void appsNoLongerUsedAreRemovedFromTheConfigurationAndTheOthersRenumbered() {
        AppId beta = AppId.of(1);
        Vector<Input> inputs = Vector.of(new Subscribe(beta, 0), Command.size(beta), new Drain(), new Yield(beta));
        Shrinker.Reproduction sizeOfFirstStorageApp = (configuration, candidate) -> synthetic(configuration, candidate,
                candidate.size() == 4 && candidate.last() instanceof Yield yield
                ? Option.some(new Violation(Property.LOCKSTEP, Option.none(), 3, yield, Option.none(), "x", Option.none()))
                : Option.none());
        Shrinker.Result result = new Shrinker(sizeOfFirstStorageApp, Duration.ofSeconds(10))
                .shrink(sizeOfFirstStorageApp.attempt(DOC, inputs));
        assertEquals(1, result.configuration().apps().size());
        assertEquals("beta", result.configuration().apps().head().name());
        assertEquals(Vector.of(new Subscribe(ALPHA, 0), Command.size(ALPHA), new Drain(), new Yield(ALPHA)),
                result.inputs());
    }

    /**
     * A candidate is not started once the time is up, in any pass: a step with five simpler forms, none of
     * which fails, on a system that takes 100 ms a run, costs the run under way when 50 ms are up and no
     * more. Before, the pass over one step's simpler forms ran them all.
     */
    @Test
    void noCandidateStartsOnceTheTimeIsUp() {
        Input command = new Command(ALPHA, 2, 7, 3);
        assertEquals(5, Simplifications.of(command).size());
        int[] runs = {0};
        Shrinker.Reproduction slowAndOnlyAsItWas = (configuration, candidate) -> {
            runs[0]++;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return synthetic(configuration, candidate, candidate.equals(Vector.of(command))
                    ? Option.some(new Violation(Property.LOCKSTEP, Option.none(), 0, command, Option.none(), "x", Option.none()))
                    : Option.none());
        };
        Run failing = synthetic(DOC, Vector.of(command),
                Option.some(new Violation(Property.LOCKSTEP, Option.none(), 0, command, Option.none(), "x", Option.none())));
        Shrinker.Result result = new Shrinker(slowAndOnlyAsItWas, Duration.ofMillis(50), false).shrink(failing);
        assertEquals(1, runs[0], "runs after the time was up");
        assertEquals(1, result.attempts());
        assertEquals(Vector.of(command), result.inputs());
    }

    @Test
    void argumentsAreSimplified() {
        assertEquals(Vector.of(new Command(ALPHA, 2, 7, 0), new Command(ALPHA, 2, 7, 1), new Command(ALPHA, 2, 0, 3),
                new Command(ALPHA, 2, 3, 3), new Command(ALPHA, 2, 6, 3)), Simplifications.of(new Command(ALPHA, 2, 7, 3)));
        assertEquals(Vector.of(new Command(ALPHA, 1, 0, 0)), Simplifications.of(new Command(ALPHA, 1, 9, 9)));
        assertEquals(Vector.of(new Reboot(0), new Reboot(5)), Simplifications.of(new Reboot(10)));
        assertEquals(Vector.empty(), Simplifications.of(new Reboot(0)));
        assertEquals(Vector.of(new AllowReadOnly(ALPHA, 0, Bytes.fromHex("0a")), new AllowReadOnly(ALPHA, 0,
                        Bytes.fromHex("0a0b")), new AllowReadOnly(ALPHA, 0, Bytes.fromHex("000000"))),
                Simplifications.of(new AllowReadOnly(ALPHA, 0, Bytes.fromHex("0a0b0c"))));
    }
}
