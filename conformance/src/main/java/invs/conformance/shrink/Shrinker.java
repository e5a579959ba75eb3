package invs.conformance.shrink;

import invs.conformance.check.Run;
import invs.conformance.check.Violation;
import invs.spec.Configuration;
import invs.spec.Input;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Shrinks a failing sequence to a short one that fails the same way (same property and clause): cut
 * right after the failing step, delta debugging over the steps (ddmin, later chunks first), removal of
 * whole apps (from the sequence and the board), simpler boards (permissions, storage, transfer limit),
 * regions halved with the inputs moved along ({@link SmallerRegions}),
 * then simpler arguments of each input ({@link Simplifications}), repeated to a fixed point or until the
 * time budget is spent. If that leaves more than {@link #SHORT} steps, a second pass accepts any clause of
 * the same property when that is shorter.
 *
 * <p>Every candidate is run from scratch through a {@link Reproduction} (a fresh system under test:
 * implementations are stateful), and results are cached. Each accepted candidate is cut right after its
 * own failing step, so later steps never cost anything again. The result carries the run of the last
 * accepted candidate, observations included: nothing runs again to record it.
 */
public final class Shrinker {

    /** Runs a candidate from scratch. */
    @FunctionalInterface
    public interface Reproduction {
        /** What {@code inputs} do on a fresh system of {@code configuration}, stopping at the first violation. */
        Run attempt(Configuration configuration, Vector<Input> inputs);
    }

    /**
     * A shrunk failure.
     *
     * @param run      the shrunk sequence as it ran (board, steps with observations, the violation)
     * @param attempts how many candidates were run
     * @param took     how long shrinking took
     */
    public record Result(Run run, int attempts, Duration took) {
        /** The board it fails on (possibly with fewer apps or simpler). */
        public Configuration configuration() {
            return run.configuration();
        }

        /** The shrunk inputs, ending with the failing step. */
        public Vector<Input> inputs() {
            return run.inputs();
        }

        /** The violation they show. */
        public Violation violation() {
            return run.violation().get();
        }
    }

    /** A sequence this long or shorter is not shrunk further across clauses. */
    public static final int SHORT = 8;

    private final Reproduction reproduction;
    private final Duration budget;
    private final boolean reshapeBoard;
    private final Map<Tuple2<Configuration, Vector<Input>>, Option<Run>> cache = new HashMap<>();
    private int attempts;
    private Deadline deadline;
    private Predicate<Violation> wanted;

    /** A shrinker running candidates through {@code reproduction}, for at most {@code budget}. */
    public Shrinker(Reproduction reproduction, Duration budget) {
        this(reproduction, budget, true);
    }

    /**
     * A shrinker that may also remove apps and simplify the board when {@code reshapeBoard} (not for checks
     * that name an app by its slot, such as isolation's subject).
     */
    public Shrinker(Reproduction reproduction, Duration budget, boolean reshapeBoard) {
        this.reproduction = reproduction;
        this.budget = budget;
        this.reshapeBoard = reshapeBoard;
    }

    /**
     * Shrinks {@code failing} (a run that ended with a violation): first keeping the same property and
     * clause, then, if that left more than {@link #SHORT} steps, accepting any clause of the same property
     * when that gives a shorter sequence.
     */
    public Result shrink(Run failing) {
        Violation violation = failing.violation().getOrElseThrow(() -> new IllegalArgumentException("the run did not fail"));
        long start = System.nanoTime();
        deadline = Deadline.after(start, budget);
        attempts = 0;
        Run sameClause = fixedPoint(failing, found -> found.key().equals(violation.key()));
        Run result = sameClause;
        if (sameClause.steps().size() > SHORT && !expired()) {
            Run anyClause = fixedPoint(sameClause, found -> found.property() == violation.property());
            if (anyClause.steps().size() < sameClause.steps().size()) {
                result = anyClause;
            }
        }
        return new Result(result, attempts, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Shrinks {@code failing} keeping only what {@code accept} accepts (for example any violation at all). */
    public Result shrink(Run failing, Predicate<Violation> accept) {
        long start = System.nanoTime();
        deadline = Deadline.after(start, budget);
        attempts = 0;
        Run result = fixedPoint(failing, accept);
        return new Result(result, attempts, Duration.ofNanos(System.nanoTime() - start));
    }

    private Run fixedPoint(Run failing, Predicate<Violation> accept) {
        wanted = accept;
        cache.clear();
        Run current = cut(failing);
        boolean changed = true;
        while (changed && !expired()) {
            Run before = current;
            current = ddmin(current);
            if (reshapeBoard) {
                current = removeApps(current);
                current = simplerBoard(current);
                current = smallerRegions(current);
            }
            current = simplerInputs(current);
            changed = !current.equals(before);
        }
        return current;
    }

    private static Run cut(Run run) {
        int end = run.violation().get().step() + 1;
        return run.steps().size() == end ? run : new Run(run.configuration(), run.steps().take(end), run.violation());
    }

    private Run ddmin(Run start) {
        Run current = start;
        int granularity = 2;
        while (current.steps().size() >= 2 && !expired()) {
            Vector<Input> inputs = current.inputs();
            int chunk = (int) Math.ceil((double) inputs.size() / granularity);
            Option<Run> reduced = Option.none();
            // Later chunks first: they are the likeliest to be irrelevant.
            for (int from = (inputs.size() - 1) / chunk * chunk; from >= 0 && !expired() && reduced.isEmpty(); from -= chunk) {
                reduced = test(current.configuration(), inputs.take(from).appendAll(inputs.drop(from + chunk)));
            }
            if (reduced.isDefined()) {
                current = reduced.get();
                granularity = Math.max(granularity - 1, 2);
            } else if (granularity >= inputs.size()) {
                break;
            } else {
                granularity = Math.min(inputs.size(), granularity * 2);
            }
        }
        return current;
    }

    private Run removeApps(Run start) {
        Run current = start;
        for (int slot = current.configuration().apps().size() - 1;
             slot >= 0 && current.configuration().apps().size() > 1 && !expired(); slot--) {
            final int removed = slot;
            Configuration board = current.configuration();
            Configuration smaller;
            try {
                smaller = board.withApps(board.apps().removeAt(removed));
            } catch (IllegalArgumentException e) {
                continue;
            }
            Vector<Input> candidate = current.inputs().filter(input -> Simplifications.appOf(input).forAll(app -> app != removed))
                    .map(input -> Simplifications.renumbered(input, removed));
            current = test(smaller, candidate).getOrElse(current);
        }
        return current;
    }

    private Run simplerBoard(Run start) {
        Run current = start;
        boolean progress = true;
        while (progress && !expired()) {
            progress = false;
            for (Configuration simpler : Simplifications.ofBoard(current.configuration())) {
                Option<Run> result = test(simpler, current.inputs());
                if (result.isDefined()) {
                    current = result.get();
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Halves the regions, the inputs moved with them ({@link SmallerRegions}), as long as the failure stays. */
    private Run smallerRegions(Run start) {
        Run current = start;
        boolean progress = true;
        while (progress && !expired()) {
            progress = false;
            for (var candidate : SmallerRegions.halved(current.configuration(), current.inputs())) {
                Option<Run> result = test(candidate._1, candidate._2);
                if (result.isDefined()) {
                    current = result.get();
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private Run simplerInputs(Run start) {
        Run current = start;
        for (int index = 0; index < current.steps().size() && !expired(); index++) {
            boolean progress = true;
            while (progress && index < current.steps().size() && !expired()) {
                progress = false;
                for (Input simpler : Simplifications.of(current.inputs().get(index))) {
                    Option<Run> result = test(current.configuration(), current.inputs().update(index, simpler));
                    if (result.isDefined()) {
                        current = result.get();
                        progress = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    /**
     * The run of {@code candidate}, cut after its violation, if it fails as wanted; none, without running it,
     * once the time is up (each pass goes through its candidates in a loop of its own).
     */
    private Option<Run> test(Configuration board, Vector<Input> candidate) {
        if (candidate.isEmpty() || expired()) {
            return Option.none();
        }
        var cacheKey = Tuple.of(board, candidate);
        Option<Run> known = cache.get(cacheKey);
        if (known != null) {
            return known;
        }
        attempts++;
        Run run = reproduction.attempt(board, candidate);
        Option<Run> result = run.violation().exists(wanted) ? Option.some(cut(run)) : Option.none();
        cache.put(cacheKey, result);
        return result;
    }

    private boolean expired() {
        return deadline.passed();
    }
}
