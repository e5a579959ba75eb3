package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import io.vavr.collection.Vector;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FactoredFrontier} against {@link Frontier} and {@link PlainStates} on random walks with frequent
 * faults (and drains and reboots rarer than elsewhere): after every step it holds only consistent states, it holds a state that subsumes each
 * of the frontier's, and it accepts and rejects every observation as the frontier does (the walk offers
 * each step's answer and, half the time, first an answer to another input, which most often no state allows).
 * On a board where allocations compete for space the products are stepped state by state; the walks there
 * check that they are. The frontier is held as products once wider than {@code factorAbove} states (1:
 * always, but for one state); {@code factoring}: at least this many steps leave fewer parts than states.
 *
 * <p>A soak walks more: {@code ./build mvn -pl spec-model test -Dtest=FactoredFrontierTest -Dinvs.soak=100
 * -Dinvs.soak.seed=N} takes 100 times as many walks per board, from seeds moved by N (defaults 1 and 0,
 * what CI runs). {@link SoakWalk} takes the walks, and prints one's widths step by step.
 */
class FactoredFrontierTest {
    /** How many times the walks a soak takes. */
    private static final int SOAK = Integer.getInteger("invs.soak", 1);
    /** What a soak adds to every walk's seed, to walk other walks. */
    private static final long SOAK_SEED = Long.getLong("invs.soak.seed", 0L);

    static Stream<Arguments> configurations() {
        Configuration doc = Configuration.defaults(Profile.DOC);
        Configuration crowded = RandomWalkTest.configurations().map(arguments -> (Configuration) arguments.get()[1])
                .skip(3).findFirst().orElseThrow();
        // Four apps, room for two regions: allocations compete.
        Configuration cramped = crowded.withProfile(Profile.DOC).withStorageLength(2 * 76 + 40);
        // Since a state with an operation pending stands for those with it done unseen (UnseenCompletion) and
        // one whose buffer knows less for one that knows more (BufferSubsumption), doc's walks, and those above
        // 8 states, no longer leave frontiers that products hold in fewer parts than states; tock's do.
        return Stream.of(Arguments.of("doc", doc, 1, 12, 300, 0),
                Arguments.of("tock", Configuration.defaults(Profile.TOCK), 1, 12, 300, 10),
                Arguments.of("tock-crowded", crowded, 1, 12, 300, 2),
                Arguments.of("doc-cramped", cramped, 1, 8, 120, 0),
                Arguments.of("tock-crowded, products above 8 states", crowded, 8, 12, 300, 0),
                Arguments.of("doc, products above 32 states", doc, FactoredFrontier.FACTOR_ABOVE, 12, 300, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void holdsWhatTheFrontierHolds(String name, Configuration config, int factorAbove, int walks, int steps, int factoring) {
        Specification specification = new Specification(config);
        long widest = 0;
        int rejected = 0;
        int factoredSteps = 0;
        for (int walk = 0; walk < walks * SOAK; walk++) {
            long seed = 7919L * walk + name.hashCode() + SOAK_SEED;
            SoakWalk soak = new SoakWalk(config, factorAbove, seed);
            for (int step = 0; step < steps; step++) {
                String where = name + " seed " + seed + " step " + step;
                SoakWalk.Step taken = soak.step();
                if (taken.triedStray()) {
                    assertEquals(taken.strayAcceptedByFrontier(), taken.strayAcceptedByFactored(),
                            where + ": " + taken.input() + " answered " + taken.stray());
                    rejected += taken.strayAcceptedByFrontier() ? 0 : 1;
                }
                assertTrue(taken.factoredNext().isRight(), where + ": rejects " + taken.observation() + " for " + taken.input());
                PlainStates plain = soak.plain();
                Frontier frontier = soak.frontier();
                FactoredFrontier factored = soak.factored();
                // Both frontiers hold states with upcalls that may be FAIL: compared as the states they stand for.
                Vector<SystemState> held = factored.states().flatMap(FaultAlternatives::concrete);
                // Hashed once: the full set of a wide walk holds thousands of states.
                java.util.Set<SystemState> consistent = new java.util.HashSet<>(plain.states().asJava());
                assertTrue(consistent.containsAll(held.asJava()), where + ": holds a state no observation allows");
                for (SystemState state : frontier.states().flatMap(FaultAlternatives::concrete)) {
                    assertTrue(consistent.contains(state), where + ": Frontier holds a state no observation allows");
                    assertTrue(StandingFor.anyStandsFor(specification, held, state), () -> where + ": nothing stands for " + state);
                }
                widest = Math.max(widest, factored.width());
                factoredSteps += factored.held() < factored.width() ? 1 : 0;
            }
        }
        assertTrue(rejected > walks, name + ": the stray answers were all accepted (" + rejected + " rejected)");
        assertTrue(factoredSteps >= factoring, name + ": " + factoredSteps + " steps left a frontier of fewer parts than states");
        assertTrue(widest > 4, name + ": the walks never widened the frontier (" + widest + ")");
    }

    @ParameterizedTest(name = "held as products above {0} states")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void appsChoicesMultiplyAsStatesAndAddUpAsParts(int factorAbove) {
        // Each app's region is allocated (a size operation, drained); then each starts a read it is not
        // subscribed to and allows another buffer, before which the read may have completed (the buffer
        // allowed is then as allowed) or not (the read may still fill it: CLARIFIED_REALLOW). Neither state
        // stands for the other. Above 1 state, the frontier is products from the second state on, joined
        // along one app and merged along the others (ProductMerge); above 2, its 4 states become products at once.
        Configuration config = Configuration.defaults(Profile.DOC);
        Specification specification = new Specification(config);
        Vector<AppId> apps = config.appIds();
        Vector<Input> inputs = apps.map(app -> (Input) new Command(app, 1, 0, 0)).append(new Drain())
                .appendAll(apps.map(app -> new AllowReadWrite(app, 0, 8)))
                .appendAll(apps.map(app -> new Command(app, 2, 0, 0)))
                .appendAll(apps.map(app -> new AllowReadWrite(app, 0, 16)));
        FactoredFrontier factored = FactoredFrontier.start(specification, factorAbove);
        Frontier frontier = Frontier.start(specification);
        for (Input input : inputs) {
            Observation observation = !(input instanceof Drain) ? Observation.success() : Observation.quiet();
            frontier = frontier.advance(input, observation).get();
            factored = factored.advance(input, observation).get();
        }
        // The third app may not read (doc defers the check to the upcall): its read, done, changed nothing it
        // could see, so the state with it pending stands for the one with it done (UnseenCompletion).
        assertEquals(1, frontier.states().map(state -> state.apps().get(2)).distinct().size(), "the third app's read pending");
        assertEquals(4, frontier.states().size(), "each other app's read pending (into either buffer) or done");
        assertEquals(4, factored.width());
        assertEquals(2 + 2 + 1, factored.held(), "two parts for each app that reads, one for the third");
        assertEquals(1, factored.products().size());
    }
}
