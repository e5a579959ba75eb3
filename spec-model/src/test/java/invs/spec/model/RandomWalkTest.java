package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random walks through the specification, with the specification itself choosing each observation:
 * every consistent state keeps the invariants, a drain leaves nothing pending, the frontier stays
 * small, and stepping is deterministic. Seeded, so a failure replays.
 */
class RandomWalkTest {
    private static final int WALKS = 60;
    private static final int STEPS = 150;

    static Stream<Arguments> configurations() {
        Configuration base = Configuration.defaults(Profile.DOC).withRegionSize(64).withStorageLength(3 * 76 + 40);
        App fixed = new App("fixed", Option.some(ShortId.of(0x77)), new StoragePermissions.FixedSize(
                ShortId.of(0x77), true, false, Vector.of(ShortId.of(0x77)), Vector.empty()));
        Vector<App> four = Vector.of(App.selfOnly("a", 1), App.selfOnly("b", 2), App.selfOnly("c", 3), fixed);
        return Stream.of(
                Arguments.of("doc", base, false),
                Arguments.of("tock", base.withProfile(Profile.TOCK).withTransferLimit(Option.some(16)), false),
                Arguments.of("doc-64bit-crowded", base.withApps(four).withAddressWidth(AddressWidth.BITS_64), false),
                Arguments.of("tock-crowded", base.withApps(four).withProfile(Profile.TOCK), false),
                Arguments.of("tock-grants-refused", base.withApps(four).withProfile(Profile.TOCK), true));
    }

    /**
     * Walks {@code config}. The kernel's grant refusal (D21) sticks for the rest of a process's life, so
     * it is taken only on walks that ask for it ({@code refusals}); elsewhere the walks see what they saw
     * before the refusal was modelled.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void invariantsHoldOnRandomWalks(String name, Configuration config, boolean refusals) {
        Specification specification = new Specification(config);
        Invariants invariants = new Invariants(config);
        int largestFrontier = 0;
        for (int walk = 0; walk < WALKS; walk++) {
            long seed = 1000L * walk + name.hashCode();
            Random random = new Random(seed);
            Frontier frontier = Frontier.start(specification);
            for (int step = 0; step < STEPS; step++) {
                Input input = randomInput(random, config);
                Vector<Outcome> allowed = frontier.allowed(input);
                assertFalse(allowed.isEmpty(), "seed " + seed + ": nothing allowed for " + input);
                for (SystemState state : frontier.states()) {
                    assertEquals(specification.step(state, input), specification.step(state, input),
                            "seed " + seed + ": step is not deterministic");
                }
                Vector<Outcome> choices = refusals ? allowed
                        : allowed.filter(outcome -> outcome.clause() != invs.spec.Clause.TRD104_GRANT_NOMEM);
                Outcome chosen = choices.get(random.nextInt(choices.size()));
                Observation observation = chosen.expected().example(random.nextInt(256));
                assertTrue(chosen.admits(observation), "an outcome must admit its own example");
                frontier = frontier.advance(input, observation).get();
                largestFrontier = Math.max(largestFrontier, frontier.states().size());
                for (SystemState state : frontier.states()) {
                    Vector<String> broken = invariants.violations(state);
                    assertTrue(broken.isEmpty(), "seed " + seed + " step " + step + " after " + input + ": " + broken);
                    if (input instanceof Drain) {
                        assertFalse(state.anyPending(), "seed " + seed + ": work pending after a drain");
                    }
                }
            }
        }
        assertTrue(largestFrontier < 2000, "the frontier grew to " + largestFrontier + " states");
    }

    static Input randomInput(Random random, Configuration config) {
        AppId app = AppId.of(random.nextInt(config.apps().size()));
        int size = config.regionSize();
        int choice = random.nextInt(100);
        if (choice < 22) {
            int number = random.nextInt(10) == 0 ? 4 : 1 + random.nextInt(3);
            long offset = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> size - 1 - random.nextInt(3);
                case 2 -> size + random.nextInt(2);
                case 3 -> (1L << 32) + random.nextInt(4);
                default -> random.nextInt(size);
            };
            return new Command(app, number, offset & 0xFFFF_FFFFL, offset >>> 32);
        }
        if (choice < 30) {
            return new AllowReadOnly(app, random.nextInt(12) == 0 ? 1 : 0,
                    Bytes.filled(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(size + 1), random.nextInt(256)));
        }
        if (choice < 38) {
            return new AllowReadWrite(app, 0, random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(size + 1));
        }
        if (choice < 48) {
            int number = random.nextInt(4);
            return random.nextInt(5) == 0 ? new Unsubscribe(app, number) : new Subscribe(app, number);
        }
        if (choice < 72) {
            return new Yield(app);
        }
        if (choice < 82) {
            return new Tick();
        }
        if (choice < 92) {
            return new Drain();
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Reboot(random.nextInt(64));
            case 1 -> new Restart(app);
            default -> new FlashFault();
        };
    }
}
