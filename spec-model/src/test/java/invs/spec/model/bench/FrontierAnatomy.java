package invs.spec.model.bench;

import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.model.AppState;
import invs.spec.model.Frontier;
import invs.spec.model.Outcome;
import invs.spec.model.PlainStates;
import invs.spec.model.RandomWalkAccess;
import invs.spec.model.Region;
import invs.spec.model.Specification;
import invs.spec.model.SystemState;
import io.vavr.collection.Vector;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Diagnostic: what the states of wide frontiers on the benchmark's walk differ in. */
public final class FrontierAnatomy {
    private FrontierAnatomy() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int threshold = Integer.parseInt(args[1]);
        for (Profile profile : Profile.values()) {
            Configuration config = Configuration.defaults(profile);
            Specification specification = new Specification(config);
            Random random = new Random(42);
            PlainStates plain = PlainStates.start(specification);
            Map<String, long[]> projected = new LinkedHashMap<>();
            long wide = 0;
            long widthSum = 0;
            for (int step = 0; step < count; step++) {
                if (step % 400 == 0) {
                    plain = PlainStates.start(specification);
                }
                Input input = RandomWalkAccess.randomInput(random, config);
                Vector<Outcome> allowed = plain.allowed(input)
                        .filter(outcome -> outcome.clause() != invs.spec.Clause.TRD104_GRANT_NOMEM);
                Observation observation = allowed.get(random.nextInt(allowed.size())).expected().example(0);
                plain = plain.advance(input, observation);
                Vector<SystemState> states = plain.states();
                if (states.size() < threshold) {
                    continue;
                }
                wide++;
                widthSum += states.size();
                long[] maximal = projected.computeIfAbsent("maximal: armed >=, region cells more unknown", key -> new long[2]);
                maximal[0] += maximal(states);
                for (var entry : projections(config.apps().size()).entrySet()) {
                    long[] sums = projected.computeIfAbsent(entry.getKey(), key -> new long[2]);
                    sums[0] += distinct(states, entry.getValue());
                }
            }
            System.out.printf("%s: %d frontiers of %d+ states, mean width %.0f%n", profile, wide, threshold,
                    wide == 0 ? 0.0 : (double) widthSum / wide);
            for (var entry : projected.entrySet()) {
                System.out.printf("  %-40s mean distinct %.1f%n", entry.getKey(), (double) entry.getValue()[0] / wide);
            }
        }
    }

    private static int maximal(Vector<SystemState> states) {
        Map<Object, java.util.List<SystemState>> groups = new java.util.HashMap<>();
        for (SystemState state : states) {
            groups.computeIfAbsent(Vector.of(state.regions().map(Region::owner), state.apps()), key -> new java.util.ArrayList<>()).add(state);
        }
        int kept = 0;
        for (var group : groups.values()) {
            for (SystemState s : group) {
                boolean dominated = false;
                for (SystemState t : group) {
                    if (t != s && t.armedFaults() >= s.armedFaults() && general(t, s) && !(general(s, t) && s.armedFaults() >= t.armedFaults() && group.indexOf(s) < group.indexOf(t))) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    kept++;
                }
            }
        }
        return kept;
    }

    private static boolean general(SystemState t, SystemState s) {
        for (int r = 0; r < t.regions().size(); r++) {
            invs.spec.model.Cells a = t.regions().get(r).contents();
            invs.spec.model.Cells b = s.regions().get(r).contents();
            for (int i = 0; i < a.length(); i++) {
                if (a.isKnown(i) && (!b.isKnown(i) || a.value(i) != b.value(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int distinct(Vector<SystemState> states, Function<SystemState, Object> key) {
        HashSet<Object> seen = new HashSet<>();
        for (SystemState state : states) {
            seen.add(key.apply(state));
        }
        return seen.size();
    }

    private static Map<String, Function<SystemState, Object>> projections(int apps) {
        Map<String, Function<SystemState, Object>> all = new LinkedHashMap<>();
        all.put("whole state", state -> state);
        all.put("owners allocated", state -> state.regions().map(Region::owner));
        all.put("region contents", state -> state.regions().map(Region::contents));
        all.put("region unknown masks", state -> state.regions().map(r -> mask(r.contents())));
        all.put("armed faults", SystemState::armedFaults);
        all.put("apps (all)", SystemState::apps);
        all.put("pending (all apps)", state -> state.apps().map(AppState::pending));
        all.put("pending defined (all apps)", state -> state.apps().map(a -> a.pending().isDefined()));
        all.put("upcalls (all apps)", state -> state.apps().map(AppState::upcalls));
        all.put("readWrite (all apps)", state -> state.apps().map(AppState::readWrite));
        all.put("readSource (all apps)", state -> state.apps().map(AppState::readSource));
        all.put("grant (all apps)", state -> state.apps().map(AppState::grant));
        all.put("without region contents", state -> Vector.of(state.regions().map(Region::owner), state.apps(),
                state.armedFaults()));
        all.put("without region contents, buffers, sources", state -> Vector.of(state.regions().map(Region::owner),
                state.apps().map(a -> Vector.of(a.readOnly(), a.subscriptions(), a.upcalls(), a.pending(), a.grant())),
                state.armedFaults()));
        all.put("without upcalls", state -> Vector.of(state.regions(),
                state.apps().map(a -> a.withUpcalls(io.vavr.collection.Queue.empty())), state.armedFaults()));
        all.put("without pending", state -> Vector.of(state.regions(),
                state.apps().map(a -> a.withPending(io.vavr.control.Option.none())), state.armedFaults()));
        all.put("without armed faults", state -> Vector.of(state.regions(), state.apps()));
        all.put("without owners+contents", state -> Vector.of(state.apps(), state.armedFaults()));
        for (int slot = 0; slot < apps; slot++) {
            int at = slot;
            all.put("app " + slot, state -> state.apps().get(at));
            all.put("all but app " + slot, state -> Vector.of(state.regions(), state.apps().removeAt(at),
                    state.armedFaults()));
        }
        return all;
    }

    private static String mask(invs.spec.model.Cells cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.length(); i++) {
            text.append(cells.isKnown(i) ? '.' : '?');
        }
        return text.toString();
    }
}
