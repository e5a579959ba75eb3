package invs.conformance.engine;

import io.vavr.Tuple3;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Syscall;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Shrinks a failing sequence to a short one that fails the same way (same property and clause):
 * cut right after the failing step, delta debugging over the steps (ddmin), removal of whole apps
 * (from the sequence and the configuration), then simplification of each input's arguments (smaller
 * offsets, lengths, data, torn counts; a tick becomes a drain), repeated to a fixed point or until the
 * time budget is spent.
 *
 * <p>Every candidate is run from scratch through a {@link Reproduction} (a fresh system under test:
 * implementations are stateful), and results are cached. Each accepted candidate is cut right after
 * its own failing step, so later steps never cost anything again.
 */
public final class Shrinker {

    /** Runs a candidate from scratch and returns the violation it shows, if any. */
    @FunctionalInterface
    public interface Reproduction {
        /** The violation {@code inputs} shows on a fresh system of {@code configuration}, if any. */
        Option<Violation> attempt(Configuration configuration, Vector<Input> inputs);
    }

    /**
     * A shrunk failure.
     *
     * @param configuration the configuration it fails on (possibly with fewer apps)
     * @param inputs        the shrunk inputs, ending with the failing step
     * @param violation     the violation they show
     * @param attempts      how many candidates were run
     * @param took          how long shrinking took
     */
    public record Result(Configuration configuration, Vector<Input> inputs, Violation violation, int attempts,
                         Duration took) {
    }

    /** A sequence this long or shorter is not shrunk further across clauses. */
    public static final int SHORT = 8;

    private final Reproduction reproduction;
    private final Duration budget;
    private final boolean removeApps;
    private final Map<Tuple2<Configuration, Vector<Input>>, Option<Violation>> cache = new HashMap<>();
    private int attempts;
    private long deadline;
    private String key;

    /** A shrinker running candidates through {@code reproduction}, for at most {@code budget}. */
    public Shrinker(Reproduction reproduction, Duration budget) {
        this(reproduction, budget, true);
    }

    /**
     * A shrinker that may also try removing whole apps from the configuration when {@code removeApps}
     * (not for properties that name an app by its slot, such as isolation's subject).
     */
    public Shrinker(Reproduction reproduction, Duration budget, boolean removeApps) {
        this.reproduction = reproduction;
        this.budget = budget;
        this.removeApps = removeApps;
    }

    /**
     * Shrinks {@code inputs}, which show {@code violation} on {@code configuration}: first keeping the same
     * property and clause, then, if that left more than {@link #SHORT} steps, accepting any clause of the
     * same property when that gives a shorter sequence.
     */
    public Result shrink(Configuration configuration, Vector<Input> inputs, Violation violation) {
        long start = System.nanoTime();
        deadline = start + budget.toNanos();
        attempts = 0;
        Result sameClause = fixedPoint(configuration, inputs, violation, violation.key());
        Result result = sameClause;
        if (sameClause.inputs().size() > SHORT && !expired()) {
            Result anyClause = fixedPoint(sameClause.configuration(), sameClause.inputs(), sameClause.violation(),
                    violation.property().label());
            if (anyClause.inputs().size() < sameClause.inputs().size()) {
                result = anyClause;
            }
        }
        return new Result(result.configuration(), result.inputs(), result.violation(), attempts,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Result fixedPoint(Configuration configuration, Vector<Input> inputs, Violation violation, String wanted) {
        key = wanted;
        cache.clear();
        Configuration config = configuration;
        Vector<Input> current = inputs.take(violation.step() + 1);
        Violation shown = violation;
        boolean changed = true;
        while (changed && !expired()) {
            changed = false;
            var deleted = ddmin(config, current, shown);
            changed |= deleted._1.size() < current.size();
            current = deleted._1;
            shown = deleted._2;
            if (removeApps) {
                var fewer = removeApps(config, current, shown);
                changed |= fewer._1 != config;
                config = fewer._1;
                current = fewer._2;
                shown = fewer._3;
            }
            var simpler = simplify(config, current, shown);
            changed |= !simpler._1.equals(current);
            current = simpler._1;
            shown = simpler._2;
        }
        return new Result(config, current, shown, attempts, Duration.ZERO);
    }

    // ---- delta debugging ------------------------------------------------------------------------

    private Tuple2<Vector<Input>, Violation> ddmin(Configuration config, Vector<Input> inputs, Violation shown) {
        Vector<Input> current = inputs;
        Violation violation = shown;
        int granularity = 2;
        while (current.size() >= 2 && !expired()) {
            int chunk = (int) Math.ceil((double) current.size() / granularity);
            boolean reduced = false;
            // Later chunks first: they are the likeliest to be irrelevant.
            for (int start = (current.size() - 1) / chunk * chunk; start >= 0 && !expired(); start -= chunk) {
                Vector<Input> candidate = current.take(start).appendAll(current.drop(start + chunk));
                Option<Violation> result = test(config, candidate);
                if (result.isDefined()) {
                    current = candidate.take(result.get().step() + 1);
                    violation = result.get();
                    granularity = Math.max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (granularity >= current.size()) {
                    break;
                }
                granularity = Math.min(current.size(), granularity * 2);
            }
        }
        return Tuple.of(current, violation);
    }

    // ---- fewer apps ------------------------------------------------------------------------------

    private Tuple3<Configuration, Vector<Input>, Violation> removeApps(Configuration config, Vector<Input> inputs,
                                                                          Violation shown) {
        Configuration currentConfig = config;
        Vector<Input> current = inputs;
        Violation violation = shown;
        for (int slot = currentConfig.apps().size() - 1; slot >= 0 && currentConfig.apps().size() > 1 && !expired(); slot--) {
            final int removed = slot;
            Configuration smaller = currentConfig.withApps(currentConfig.apps().removeAt(removed));
            Vector<Input> candidate = current.filter(input -> appOf(input).forAll(app -> app != removed))
                    .map(input -> renumbered(input, removed));
            Option<Violation> result = test(smaller, candidate);
            if (result.isDefined()) {
                currentConfig = smaller;
                current = candidate.take(result.get().step() + 1);
                violation = result.get();
            }
        }
        return Tuple.of(currentConfig, current, violation);
    }

    private static Option<Integer> appOf(Input input) {
        return switch (input) {
            case Syscall syscall -> Option.some(syscall.app().slot());
            case Restart restart -> Option.some(restart.app().slot());
            default -> Option.none();
        };
    }

    private static Input renumbered(Input input, int removed) {
        Option<Integer> app = appOf(input);
        if (app.isEmpty() || app.get() < removed) {
            return input;
        }
        return withApp(input, AppId.of(app.get() - 1));
    }

    private static Input withApp(Input input, AppId app) {
        return switch (input) {
            case Command c -> new Command(app, c.number(), c.arg1(), c.arg2());
            case AllowReadOnly a -> new AllowReadOnly(app, a.number(), a.data());
            case AllowReadWrite a -> new AllowReadWrite(app, a.number(), a.length());
            case Subscribe s -> new Subscribe(app, s.number());
            case Unsubscribe u -> new Unsubscribe(app, u.number());
            case Yield y -> new Yield(app);
            case Restart r -> new Restart(app);
            case Tick t -> t;
            case Drain d -> d;
            case Reboot r -> r;
            case FlashFault f -> f;
        };
    }

    // ---- simpler arguments -----------------------------------------------------------------------

    private Tuple2<Vector<Input>, Violation> simplify(Configuration config, Vector<Input> inputs, Violation shown) {
        Vector<Input> current = inputs;
        Violation violation = shown;
        for (int index = 0; index < current.size() && !expired(); index++) {
            boolean progress = true;
            while (progress && index < current.size() && !expired()) {
                progress = false;
                for (Input simpler : simpler(current.get(index))) {
                    Vector<Input> candidate = current.update(index, simpler);
                    Option<Violation> result = test(config, candidate);
                    if (result.isDefined()) {
                        current = candidate.take(result.get().step() + 1);
                        violation = result.get();
                        progress = true;
                        break;
                    }
                }
            }
        }
        return Tuple.of(current, violation);
    }

    /** Simpler variants of {@code input}, simplest first. */
    static Vector<Input> simpler(Input input) {
        return switch (input) {
            case Command c when c.number() >= 2 && c.number() <= 3 -> smallerWords(c.arg1(), c.arg2())
                    .map(words -> (Input) new Command(c.app(), c.number(), words._1, words._2));
            case Command c when c.arg1() != 0 || c.arg2() != 0 -> Vector.of(new Command(c.app(), c.number(), 0, 0));
            case AllowReadOnly a -> smallerData(a.data()).map(data -> (Input) new AllowReadOnly(a.app(), a.number(), data));
            case AllowReadWrite a -> smallerLengths(a.length()).map(length -> (Input) new AllowReadWrite(a.app(), a.number(), length));
            case Reboot r when r.tornBytes() > 0 -> Vector.of(new Reboot(0), new Reboot(r.tornBytes() / 2))
                    .distinct().filter(candidate -> !candidate.equals(r)).map(candidate -> (Input) candidate);
            // A drain settles what a run of ticks may leave open, so that the other ticks can go.
            case Tick t -> Vector.of(new Drain());
            default -> Vector.empty();
        };
    }

    private static Vector<Tuple2<Long, Long>> smallerWords(long low, long high) {
        Vector<Tuple2<Long, Long>> candidates = Vector.empty();
        if (high != 0) {
            candidates = candidates.append(Tuple.of(low, 0L));
            if (high > 1) {
                candidates = candidates.append(Tuple.of(low, 1L));
            }
        }
        if (low != 0) {
            candidates = candidates.append(Tuple.of(0L, high)).append(Tuple.of(low / 2, high)).append(Tuple.of(low - 1, high));
        }
        return candidates.distinct().filter(words -> words._1 != low || words._2 != high);
    }

    private static Vector<Bytes> smallerData(Bytes data) {
        Vector<Bytes> candidates = Vector.empty();
        if (data.length() > 1) {
            byte[] all = data.toArray();
            candidates = candidates.append(Bytes.of(all, 0, data.length() / 2)).append(Bytes.of(all, 0, data.length() - 1));
        }
        Bytes zeros = Bytes.filled(data.length(), 0);
        if (!data.equals(zeros)) {
            candidates = candidates.append(zeros);
        }
        return candidates.distinct();
    }

    private static Vector<Integer> smallerLengths(int length) {
        return length <= 1 ? Vector.empty() : Vector.of(length / 2, length - 1).distinct();
    }

    // ---- running candidates ----------------------------------------------------------------------

    private Option<Violation> test(Configuration config, Vector<Input> candidate) {
        if (candidate.isEmpty()) {
            return Option.none();
        }
        var cacheKey = Tuple.of(config, candidate);
        Option<Violation> known = cache.get(cacheKey);
        if (known != null) {
            return known;
        }
        attempts++;
        Option<Violation> result = reproduction.attempt(config, candidate).filter(found -> matches(found.key()));
        cache.put(cacheKey, result);
        return result;
    }

    /** Whether a violation with {@code found} as key counts: the wanted key, or any clause of a wanted property. */
    private boolean matches(String found) {
        return found.equals(key) || (!key.contains(":") && found.startsWith(key + ":"));
    }

    private boolean expired() {
        return System.nanoTime() > deadline;
    }
}
