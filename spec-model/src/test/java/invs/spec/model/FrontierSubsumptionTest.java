package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.AddressWidth;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.ShortId;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frontier leaves out a state that another of its states subsumes (the same state with at least as many
 * flash faults armed) at each step that makes more states than it held, and allows exactly what the full
 * set of consistent states ({@link PlainStates}) allows. A soak walks more
 * ({@code -Dinvs.soak=100 -Dinvs.soak.seed=N}, as {@link FactoredFrontierTest}).
 */
class FrontierSubsumptionTest {
    /** How many times the walks a soak takes ({@code -Dinvs.soak=N}, as {@link FactoredFrontierTest}'s). */
    private static final int SOAK = Integer.getInteger("invs.soak", 1);
    /** What a soak adds to every walk's seed ({@code -Dinvs.soak.seed=N}). */
    private static final long SOAK_SEED = Long.getLong("invs.soak.seed", 0L);
    private static final AppId ALPHA = app(0);
    private static final Specification DOC = new Specification(Configuration.defaults(Profile.DOC));

    @Test
    void anUnseenFaultUseLeavesOnlyTheStateWithTheFaultStillArmed() {
        // Alpha is not subscribed, so its size operation reports nothing: after the drain it may have
        // succeeded (the fault still armed) or failed with FAIL (the fault used), allocating its region or not.
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC))
                .then(Command.size(ALPHA), Observation.success())
                .then(new FlashFault(), Observation.quiet())
                .then(new Drain(), Observation.quiet());
        Vector<SystemState> states = scenario.frontier().states();
        assertEquals(2, states.size(), () -> "" + states);
        assertEquals(Vector.of(1, 0), states.map(SystemState::armedFaults), "allocated with the fault armed, then not allocated");
        assertEquals(Vector.of(1, 0), states.map(state -> state.regions().size()));
    }

    @Test
    void afterAnUnseenFaultUseTheNextInputsAllowWhatEveryConsistentStateAllows() {
        // The sequence above, then a write whose upcall may show the fault used (only the state kept has
        // it still armed), a read back, another fault and a reboot: at every step the frontier allows what
        // the full set allows.
        Vector<Tuple2<Input, Observation>> steps = Vector.of(
                Tuple.of(Command.size(ALPHA), Observation.success()),
                Tuple.of(new FlashFault(), Observation.quiet()),
                Tuple.of(new Drain(), Observation.quiet()),
                Tuple.of(new Subscribe(ALPHA, 2), Observation.success()),
                Tuple.of(new AllowReadOnly(ALPHA, 0, Bytes.filled(4, 0xAB)), Observation.success()),
                Tuple.of(Command.write(ALPHA, 8), Observation.success()),
                Tuple.of(new Drain(), Observation.quiet()),
                Tuple.of(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.empty())),
                Tuple.of(new Subscribe(ALPHA, 1), Observation.success()),
                Tuple.of(new AllowReadWrite(ALPHA, 0, 16), Observation.success()),
                Tuple.of(new FlashFault(), Observation.quiet()),
                Tuple.of(Command.read(ALPHA, 0), Observation.success()),
                Tuple.of(new Drain(), Observation.quiet()),
                Tuple.of(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 16)),
                        Bytes.fromHex("ffffffffffffffff01020304ffffffff"))),
                Tuple.of(new Reboot(3), Observation.quiet()));
        PlainStates plain = PlainStates.start(DOC);
        Frontier frontier = Frontier.start(DOC);
        boolean fewer = false;
        for (Tuple2<Input, Observation> step : steps) {
            assertCovers(plain.allowed(step._1), frontier.allowed(step._1), "for " + step._1);
            plain = plain.advance(step._1, step._2);
            frontier = frontier.advance(step._1, step._2).get();
            fewer |= frontier.states().size() < plain.states().size();
            assertTrue(plain.states().containsAll(frontier.states()), "after " + step._1);
        }
        assertTrue(fewer, "the frontier never left a state out");
        assertEquals(plain.states(), frontier.states(), "after the reboot no fault is armed: nothing to leave out");
    }

    @Test
    void ofStatesDifferingOnlyInArmedFaultsTheOneWithMostIsKeptInTheFirstPlace() {
        SystemState none = DOC.initial();
        SystemState other = none.withRegion(Region.fresh(ShortId.of(1), 16));
        Frontier frontier = Frontier.of(DOC, Vector.of(none.withArmedFaults(1), other, none, none.withArmedFaults(3)));
        assertEquals(Vector.of(none.withArmedFaults(3), other), frontier.states());
    }

    @Test
    void statesThatDifferInMoreThanArmedFaultsAreAllKept() {
        SystemState none = DOC.initial();
        SystemState allocated = none.withRegion(Region.fresh(ShortId.of(1), 16));
        // The region without a fault and no region with one: neither allows all the other allows.
        Vector<SystemState> pair = Vector.of(allocated, none.withArmedFaults(1));
        assertEquals(pair, Frontier.of(DOC, pair).states());
        Vector<SystemState> equalFaults = Vector.of(allocated.withArmedFaults(2), none.withArmedFaults(2));
        assertEquals(equalFaults, Frontier.of(DOC, equalFaults).states());
    }

    static Stream<Arguments> boards() {
        Configuration small = Configuration.defaults(Profile.DOC).withRegionSize(64).withStorageLength(3 * 76 + 40);
        return Stream.of(Arguments.of("doc", small),
                Arguments.of("tock", small.withProfile(Profile.TOCK).withTransferLimit(Option.some(16))),
                Arguments.of("doc-one-region", small.withStorageLength(76 + 20)),
                Arguments.of("doc-64-bit", small.withAddressWidth(AddressWidth.BITS_64)));
    }

    /**
     * On random walks with frequent faults, the observation chosen among everything the full set allows:
     * the frontier's states are some of the full set's, every state of the full set is simulated by one of
     * them (the relation of {@link Subsumption}'s proof, or that relation to a state the keeper reaches by
     * completing an operation it holds pending: {@link UnseenCompletion}), and for every input the frontier allows all the full set allows and nothing else.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("boards")
    void theFrontierAllowsExactlyWhatEveryConsistentStateAllows(String name, Configuration config) {
        Specification specification = new Specification(config);
        int reduced = 0;
        boolean byKnowledge = false;
        int failable = 0;
        Invariants invariants = new Invariants(config);
        for (int walk = 0; walk < 30 * SOAK; walk++) {
            long seed = 7919L * walk + name.hashCode() + SOAK_SEED;
            Random random = new Random(seed);
            PlainStates plain = PlainStates.start(specification);
            Frontier frontier = Frontier.start(specification);
            for (int step = 0; step < 100; step++) {
                Input input = RandomWalkTest.randomInput(random, config);
                String where = "seed " + seed + " step " + step + " " + input;
                Vector<Outcome> allowed = plain.allowed(input);
                assertCovers(allowed, frontier.allowed(input), where);
                Vector<Outcome> choices = allowed.filter(outcome -> outcome.clause() != Clause.TRD104_GRANT_NOMEM);
                Observation observation = choices.get(random.nextInt(choices.size())).expected().example(random.nextInt(256));
                plain = plain.advance(input, observation);
                frontier = frontier.advance(input, observation).get();
                // A state with upcalls that may be FAIL (FaultAlternatives) is compared as the states it stands for.
                Vector<SystemState> kept = frontier.states().flatMap(FaultAlternatives::concrete);
                assertTrue(plain.states().containsAll(kept), where + ": a state no observation allows");
                for (SystemState state : plain.states()) {
                    assertTrue(StandingFor.anyStandsFor(specification, kept, state), () -> where + ": " + state + " is not simulated");
                    // Left out for what its storage knows, not only for its armed faults.
                    byKnowledge |= !kept.exists(keeper -> keeper.withArmedFaults(0).equals(state.withArmedFaults(0)));
                }
                reduced += kept.size() < plain.states().size() ? 1 : 0;
                failable += frontier.states().exists(state -> StorageAlternatives.count(state.regions()) > 0) ? 1 : 0;
                for (SystemState state : frontier.states()) {
                    assertEquals(Vector.empty(), invariants.violations(state), where);
                }
            }
        }
        assertTrue(reduced > 0, "no step left a subsumed state out");
        // (The walks of the board with room for one region hold none: its writes rarely complete unseen.)
        assertTrue(failable > 0 || name.equals("doc-one-region"), "no step held a write that may have failed unseen as one state");
        assertTrue(byKnowledge, "no step left out a state whose storage knows more");
    }

    private static Set<Tuple2<Expectation, Clause>> expectations(Vector<Outcome> outcomes) {
        return HashSet.ofAll(outcomes.map(outcome -> Tuple.of(outcome.expected(), outcome.clause())));
    }

    /**
     * The frontier's outcomes are some of the full set's, and every outcome of the full set is matched by one
     * of the frontier's under the same clause whose expectation admits all it admits: the same expectation,
     * or a yield's with the same upcall showing a buffer that knows no byte the other's does not.
     */
    private static void assertCovers(Vector<Outcome> all, Vector<Outcome> frontier, String where) {
        Set<Tuple2<Expectation, Clause>> kept = expectations(frontier);
        assertTrue(expectations(all).containsAll(kept), where + ": an outcome the full set does not allow");
        for (Tuple2<Expectation, Clause> wanted : expectations(all)) {
            assertTrue(kept.exists(keeper -> keeper._2 == wanted._2 && admitsAll(keeper._1, wanted._1)),
                    () -> where + ": " + wanted + " is not covered by " + kept);
        }
    }

    private static boolean admitsAll(Expectation general, Expectation specific) {
        if (general instanceof Expectation.YieldedAs(var app, var upcall, var buffer)
                && specific instanceof Expectation.YieldedAs(var otherApp, var otherUpcall, var otherBuffer)) {
            return app.equals(otherApp) && upcall.equals(otherUpcall) && buffer.knowsNoMoreThan(otherBuffer);
        }
        return general.equals(specific);
    }

    @Test
    void aStepThatMakesNoMoreStatesKeepsThemAsTheyComeButOnce() {
        // Alpha reads unsubscribed, subscribes, writes: its read's upcall is queued (RESERVE: no buffer) and
        // its write may be pending or done unseen. The yield that shows the read's upcall steps two states to
        // two: the write pending, and the write done with its upcall queued, which the first stands for
        // (UnseenCompletion). That step makes no more states, so the frontier keeps both.
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC))
                .then(Command.read(ALPHA, 0x7ff), Observation.success())
                .then(new Subscribe(ALPHA, 2), Observation.success())
                .then(new Subscribe(ALPHA, 1), Observation.success())
                .then(Command.write(ALPHA, 0x801), Observation.success());
        assertEquals(2, scenario.frontier().states().size(), () -> "" + scenario.frontier().states());
        scenario.then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(1, ErrorCode.RESERVE)), Bytes.empty()));
        Vector<SystemState> kept = scenario.frontier().states();
        assertEquals(Vector.of(true, false), kept.map(state -> state.app(ALPHA).pending().isDefined()), () -> "" + kept);
        Specification specification = scenario.frontier().specification();
        assertEquals(kept.take(1), Frontier.reduced(kept, specification.completion()), "reduced, the pending write stands for both");
        // The drain completes the pending write (RESERVE again: no buffer): both states are then the same,
        // and the frontier holds it once.
        scenario.then(new Drain(), Observation.quiet());
        assertEquals(kept.drop(1), scenario.frontier().states());
    }

    @Test
    void theFullSetOfThatSequenceHoldsTheSubsumedState() {
        // Every consistent state, the subsumed one included, before the frontier leaves it out.
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC));
        PlainStates plain = PlainStates.start(scenario.frontier().specification());
        for (var step : Vector.of(Tuple.of((Input) Command.size(ALPHA), Observation.success()),
                Tuple.of((Input) new FlashFault(), Observation.quiet()), Tuple.of((Input) new Drain(), Observation.quiet()))) {
            plain = plain.advance(step._1, step._2);
        }
        assertEquals(Vector.of(1, 0, 0), plain.states().map(SystemState::armedFaults));
        assertEquals(2, Frontier.of(plain.specification(), plain.states()).states().size());
    }
}
