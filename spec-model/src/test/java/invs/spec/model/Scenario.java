package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Drives the specification like an app would, asserting at each step that an observation is allowed
 * (and, where asked, that it is the only one), and checking the invariants of every consistent state.
 *
 * <p>{@link #only} leaves out one outcome: the kernel refusing the app's grant with a synchronous NOMEM
 * (clause TRD104_GRANT_NOMEM), which the specification allows for every first call that needs the grant
 * and which {@code ClauseTest#trd104GrantNomem} pins exactly; {@link #allowsExactly} leaves out nothing.
 */
final class Scenario {
    private final Invariants invariants;
    private Frontier frontier;

    Scenario(Configuration config) {
        this.frontier = Frontier.start(new Specification(config));
        this.invariants = new Invariants(config);
    }

    static AppId app(int slot) {
        return AppId.of(slot);
    }

    Frontier frontier() {
        return frontier;
    }

    /** The outcomes allowed for {@code input} now. */
    Vector<Outcome> allowed(Input input) {
        return frontier.allowed(input);
    }

    /** Asserts {@code observation} is allowed for {@code input} and moves on. */
    Scenario then(Input input, Observation observation) {
        frontier = frontier.advance(input, observation).getOrElseGet(divergence -> {
            fail("the model does not allow this:\n" + divergence.describe());
            return null;
        });
        for (SystemState state : frontier.states()) {
            Vector<String> broken = invariants.violations(state);
            assertTrue(broken.isEmpty(), () -> "invariants broken after " + input + ": " + broken);
        }
        return this;
    }

    /**
     * Asserts {@code observation} is the only observation allowed for {@code input}, apart from the
     * kernel refusing the grant, and moves on.
     */
    Scenario only(Input input, Observation observation) {
        Vector<Outcome> outcomes = allowed(input).filter(outcome -> outcome.clause() != Clause.TRD104_GRANT_NOMEM);
        assertFalse(outcomes.isEmpty(), () -> "for " + input + " the model allows only the kernel's grant refusal");
        for (Outcome outcome : outcomes) {
            assertTrue(outcome.admits(observation) && isExact(outcome.expected()),
                    () -> "for " + input + " the model also allows " + outcome.expected() + " (" + outcome.clause() + ")");
        }
        return then(input, observation);
    }

    /**
     * Asserts that the observations allowed for {@code input} are exactly {@code observations} (each an
     * exact observation, grant refusals included), and stays where it is.
     */
    Scenario allowsExactly(Input input, Observation... observations) {
        Vector<Outcome> outcomes = allowed(input);
        for (Outcome outcome : outcomes) {
            assertTrue(isExact(outcome.expected()), () -> "for " + input + " the model allows the inexact " + outcome.expected());
        }
        assertEquals(HashSet.of(observations), outcomes.map(outcome -> outcome.expected().example(0)).toSet(),
                () -> "the observations allowed for " + input);
        return this;
    }

    /** The upcalls a yield of {@code app} may run now (none stands for a yield that runs nothing). */
    Set<Option<Upcall>> upcallsAllowed(AppId app) {
        return allowed(new Yield(app)).map(outcome -> ((Expectation.YieldedAs) outcome.expected()).upcall()).toSet();
    }

    /** Asserts that a yield of {@code app} may run exactly {@code upcalls}, whatever the buffer shows; stays. */
    Scenario yieldMayRun(AppId app, Upcall... upcalls) {
        assertEquals(Vector.of(upcalls).map(Option::some).toSet(), upcallsAllowed(app),
                () -> "the upcalls a yield of " + app + " may run");
        return this;
    }

    /** Asserts {@code observation} is not allowed for {@code input}; the scenario stays where it is. */
    Scenario refuses(Input input, Observation observation) {
        assertTrue(frontier.advance(input, observation).isLeft(),
                () -> "the model allows " + observation + " for " + input);
        return this;
    }

    /** Asserts that some outcome allowing {@code observation} for {@code input} cites {@code clause}. */
    Scenario cites(Input input, Observation observation, Clause clause) {
        assertTrue(allowed(input).exists(outcome -> outcome.admits(observation) && outcome.clause() == clause),
                () -> "no outcome for " + observation + " cites " + clause + "; allowed: "
                        + allowed(input).map(o -> o.expected() + " " + o.clause()));
        return this;
    }

    /** Subscribes {@code app} to all three upcalls. */
    Scenario subscribeAll(AppId app) {
        for (int number = 0; number < 3; number++) {
            only(new Subscribe(app, number), Observation.success());
        }
        return this;
    }

    /**
     * A flash fault, then a write of four bytes 0xAB at offset 0 that fails with FAIL (the app subscribed to
     * it): the region's first four bytes are unknown (CLARIFIED_CRASH).
     */
    Scenario failedWriteAtStart(AppId app) {
        return then(new FlashFault(), Observation.quiet())
                .then(new AllowReadOnly(app, 0, Bytes.filled(4, 0xAB)), Observation.success())
                .then(Command.write(app, 0), Observation.success())
                .then(new Yield(app), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.empty()));
    }

    /** Allows a read-write buffer of {@code length} bytes. */
    Scenario allowRw(AppId app, int length) {
        return only(new AllowReadWrite(app, 0, length), Observation.success());
    }

    /** Allows {@code data} as the read-only buffer. */
    Scenario allowRo(AppId app, Bytes data) {
        return only(new AllowReadOnly(app, 0, data), Observation.success());
    }

    /** Issues a command that may be accepted. */
    Scenario accepted(Command command) {
        return then(command, Observation.success());
    }

    /** Issues a command that must be accepted (nothing else allowed but the kernel's grant refusal). */
    Scenario onlyAccepted(Command command) {
        return only(command, Observation.success());
    }

    /** Drains: every accepted operation completes. */
    Scenario drain() {
        return then(new Drain(), Observation.quiet());
    }

    /** Yields and asserts that {@code upcall} (and a buffer of {@code buffer}) is the only thing allowed. */
    Scenario upcall(AppId app, Upcall upcall, Bytes buffer) {
        return only(new Yield(app), new Observation.Yielded(Option.some(upcall), buffer));
    }

    /** Issues {@code command}, drains, and asserts the only upcall allowed is {@code upcall}. */
    Scenario roundTrip(Command command, Upcall upcall, Bytes buffer) {
        return onlyAccepted(command).drain().upcall(command.app(), upcall, buffer);
    }

    /** The read-write buffer contents the model requires of {@code app} now, with unknown bytes as {@code fill}. */
    Bytes buffer(AppId app) {
        return frontier.states().head().app(app).readWrite().concretise(0);
    }

    /** Writes {@code data} at {@code offset} and waits for its success. */
    Scenario write(AppId app, long offset, Bytes data) {
        allowRo(app, data);
        return roundTrip(Command.write(app, offset), Upcall.success(2, data.length()), buffer(app));
    }

    /** Reads {@code expected.length()} bytes at {@code offset} and asserts they are the only contents allowed. */
    Scenario read(AppId app, long offset, Bytes expected) {
        allowRw(app, expected.length());
        return roundTrip(Command.read(app, offset), Upcall.success(1, expected.length()), expected);
    }

    /** Asserts a command is accepted and nothing else, and ends with the only upcall {@code (code, 0, 0)}. */
    Scenario fails(Command command, ErrorCode code) {
        int number = command.number() - 1;
        return onlyAccepted(command).drain().upcall(command.app(), Upcall.error(number, code), buffer(command.app()));
    }

    /** Asserts every consistent state has exactly {@code count} regions. */
    Scenario regions(int count) {
        for (SystemState state : frontier.states()) {
            assertEquals(count, state.regions().size(), "regions allocated");
        }
        return this;
    }

    /** Asserts no consistent state has an operation pending for {@code app}. */
    Scenario idle(AppId app) {
        assertFalse(frontier.states().exists(state -> state.app(app).pending().isDefined()), app + " has work pending");
        return this;
    }

    private static boolean isExact(Expectation expected) {
        return expected instanceof Expectation.Exactly
                || expected instanceof Expectation.YieldedAs yielded && yielded.buffer().allKnown();
    }
}
