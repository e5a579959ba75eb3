package invs.spec.model.bench;

import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.model.Cells;
import invs.spec.model.Frontier;
import invs.spec.model.Outcome;
import invs.spec.model.PlainStates;
import invs.spec.model.RandomWalkAccess;
import invs.spec.model.Region;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What the states of wide frontiers differ in, on {@link ModelBenchmark}'s fixed walk: for every step
 * where the full set of consistent states ({@link PlainStates}) holds at least THRESHOLD states, the
 * full set's width, the frontier's, and how many of the frontier's states would stay distinct if one part
 * of the state were ignored (the fewer, the more of the width that part makes); and what a frontier
 * factored per app would hold (components, see {@link #factoredPerApp}). Last, the widest of these over the
 * counted steps. Run with {@code FrontierAnatomy INPUTS THRESHOLD}.
 */
public final class FrontierAnatomy {
    private FrontierAnatomy() {
    }

    /** Runs the anatomy: arguments are the walk's length and the width from which a step is counted. */
    public static void main(String[] args) {
        int count;
        int threshold;
        try {
            count = Integer.parseInt(args[0]);
            threshold = Integer.parseInt(args[1]);
        } catch (RuntimeException badArguments) {
            System.err.println("usage: FrontierAnatomy INPUTS THRESHOLD (two whole numbers)");
            System.exit(2);
            return;
        }
        for (Profile profile : Profile.values()) {
            anatomy(profile, count, threshold);
        }
    }

    private static void anatomy(Profile profile, int count, int threshold) {
        Configuration config = Configuration.defaults(profile);
        Specification specification = new Specification(config);
        Map<String, Function<SystemState, Object>> parts = parts(config.apps().size());
        Map<String, Long> sums = new LinkedHashMap<>();
        Random random = new Random(42);
        PlainStates plain = PlainStates.start(specification);
        long wide = 0;
        int widest = 0;
        int widestFactored = 0;
        int widestComponents = 0;
        for (int step = 0; step < count; step++) {
            if (step % 400 == 0) {
                plain = PlainStates.start(specification);
            }
            Input input = RandomWalkAccess.randomInput(random, config);
            Vector<Outcome> allowed = plain.allowed(input).filter(outcome -> outcome.clause() != Clause.TRD104_GRANT_NOMEM);
            Observation observation = allowed.get(random.nextInt(allowed.size())).expected().example(0);
            plain = plain.advance(input, observation);
            if (plain.states().size() < threshold) {
                continue;
            }
            wide++;
            // The frontier's states are the full set's that no other of them subsumes.
            Vector<SystemState> states = Frontier.of(specification, plain.states()).states();
            sums.merge("full set of consistent states", (long) plain.states().size(), Long::sum);
            sums.merge("frontier", (long) states.size(), Long::sum);
            for (var part : parts.entrySet()) {
                sums.merge(part.getKey(), (long) distinct(states, part.getValue()), Long::sum);
            }
            int factored = factoredPerApp(states, config, true);
            sums.merge("factored per app (components held)", (long) factored, Long::sum);
            int components = factoredPerApp(states, config, false);
            sums.merge("per-app components, any combination allowed", (long) components, Long::sum);
            widestComponents = Math.max(widestComponents, components);
            widest = Math.max(widest, states.size());
            widestFactored = Math.max(widestFactored, factored);
        }
        System.out.printf("%s: %,d steps of %,d with %,d or more consistent states; mean over them:%n",
                profile.name().toLowerCase(), wide, count, threshold);
        for (var sum : sums.entrySet()) {
            System.out.printf("  %-52s %,8.1f%n", sum.getKey(), wide == 0 ? 0.0 : (double) sum.getValue() / wide);
        }
        System.out.printf("  widest: frontier %,d states; factored per app %,d components (%,d with any combination of"
                + " them allowed)%n", widest, widestFactored, widestComponents);
    }

    /** The parts of a state a frontier's states may differ in, each as a key that ignores it. */
    private static Map<String, Function<SystemState, Object>> parts(int apps) {
        Map<String, Function<SystemState, Object>> parts = new LinkedHashMap<>();
        parts.put("ignoring storage contents", state -> Vector.of(state.regions().map(Region::owner), state.apps(),
                state.armedFaults()));
        parts.put("ignoring storage contents and read-write buffers", state -> Vector.of(
                state.regions().map(Region::owner), state.armedFaults(),
                state.apps().map(app -> app.withReadWrite(Cells.empty(), Option.none()))));
        parts.put("ignoring queued upcalls", state -> Vector.of(state.regions(), state.armedFaults(),
                state.apps().map(app -> app.withUpcalls(Array.empty()))));
        parts.put("ignoring outstanding operations", state -> Vector.of(state.regions(), state.armedFaults(),
                state.apps().map(app -> app.withPending(Option.none()))));
        parts.put("ignoring armed faults", state -> Vector.of(state.regions(), state.apps()));
        for (int slot = 0; slot < apps; slot++) {
            int ignored = slot;
            parts.put("ignoring app " + slot, state -> Vector.of(state.regions(), state.armedFaults(),
                    state.apps().removeAt(ignored)));
        }
        return parts;
    }

    private static int distinct(Vector<SystemState> states, Function<SystemState, Object> key) {
        HashSet<Object> seen = new HashSet<>();
        states.forEach(state -> seen.add(key.apply(state)));
        return seen.size();
    }

    /**
     * How many components a frontier factored per app would hold: its states grouped by what apps share
     * (which regions are allocated, in which order, and the faults armed), each group held as one set of
     * components per app, an app's component being its own state and its own region, when the group is
     * the product of those sets; a group that is not a product is held state by state (an upper bound on
     * what a finer factoring needs). Not {@code exact}: grouped by the regions allocated only, and each
     * group counted as its components whether or not it is their product (a lower bound: the components
     * a factoring needs at least, whatever it does about how they combine, armed faults included).
     */
    private static int factoredPerApp(Vector<SystemState> states, Configuration config, boolean exact) {
        Map<Object, List<SystemState>> groups = new HashMap<>();
        for (SystemState state : states) {
            groups.computeIfAbsent(exact ? Vector.of(state.regions().map(Region::owner), state.armedFaults())
                            : state.regions().map(Region::owner),
                    key -> new ArrayList<>()).add(state);
        }
        int held = 0;
        for (List<SystemState> group : groups.values()) {
            int apps = group.get(0).apps().size();
            long product = 1;
            int components = 0;
            for (int slot = 0; slot < apps; slot++) {
                HashSet<Object> distinct = new HashSet<>();
                for (SystemState state : group) {
                    distinct.add(component(state, config.apps().get(slot).permissions().writeId(), slot));
                }
                product *= distinct.size();
                components += distinct.size();
            }
            held += !exact || product == group.size() ? components : group.size();
        }
        return held;
    }

    /** App {@code slot}'s own part of {@code state}: its app state and the region of its write id, if any. */
    private static Object component(SystemState state, Option<ShortId> writeId, int slot) {
        return Vector.of(state.apps().get(slot), writeId.flatMap(state::region));
    }
}
