package invs.spec.model.bench;

import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.model.FactoredFrontier;
import invs.spec.model.Frontier;
import invs.spec.model.Outcome;
import invs.spec.model.PlainStates;
import invs.spec.model.RandomWalkAccess;
import invs.spec.model.Specification;
import io.vavr.collection.Vector;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints how many inputs per second the specification checks on a random walk, with the specification
 * choosing each observation (the model's share of lockstep checking, without an implementation), per
 * second of wall time and per second of the thread's CPU time (which other work on a shared machine
 * disturbs less). Run with {@code ./build bench}.
 *
 * <p>{@code ModelBenchmark [SECONDS]} walks for a fixed time (10 s by default); on a loaded machine two
 * runs then end at different points of the walk, where the frontiers differ in width.
 * {@code ModelBenchmark walk [INPUTS]} checks a fixed walk of INPUTS inputs (200,000 by default) per
 * profile instead: the walk is first made by a {@link PlainStates} set (so it does not depend on how
 * {@link Frontier} keeps its states), then checked by a {@link Frontier} on the clock; it prints the CPU
 * time, the bytes allocated per input, the widest frontier and the distribution of frontier widths over the
 * walk's steps; then by a {@link FactoredFrontier}, with the states it holds and the parts it holds them in.
 */
public final class ModelBenchmark {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** The same bean, for the bytes a thread allocates (a figure that the machine's load does not move). */
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
    /** The walk starts again from power-on after this many inputs. */
    public static final int RESTART_EVERY = 400;
    /** A frontier of at least this many states is wide: the benchmark times the steps from one apart. */
    private static final int WIDE = 64;

    private ModelBenchmark() {
    }

    /** Runs the benchmark: {@code [SECONDS]} (default 10), or {@code walk [INPUTS]} (default 200,000). */
    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("walk")) {
                int inputs = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
                if (inputs < 1) {
                    throw new NumberFormatException("the walk needs at least one input");
                }
                for (Profile profile : Profile.values()) {
                    fixedWalk(profile, inputs);
                }
                return;
            }
            double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
            for (Profile profile : Profile.values()) {
                timedWalk(profile, seconds);
            }
        } catch (NumberFormatException badNumber) {
            System.err.println("usage: ModelBenchmark [SECONDS] | walk [INPUTS] (" + badNumber.getMessage() + ")");
            System.exit(2);
        }
    }

    private static void timedWalk(Profile profile, double seconds) {
        Configuration config = Configuration.defaults(profile);
        Specification specification = new Specification(config);
        Random random = new Random(42);
        long steps = 0;
        long largest = 0;
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        Frontier frontier = Frontier.start(specification);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1000; i++) {
                if (steps % RESTART_EVERY == 0) {
                    frontier = Frontier.start(specification);
                }
                Input input = RandomWalkAccess.randomInput(random, config);
                Vector<Outcome> allowed = allowedOutcomes(frontier.allowed(input));
                Observation observation = allowed.get(random.nextInt(allowed.size())).expected().example(0);
                frontier = frontier.advance(input, observation).get();
                largest = Math.max(largest, frontier.states().size());
                steps++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("model %-4s: %,.0f inputs/s checked, %,.0f per CPU second (%,d inputs in %.1f s),"
                + " largest frontier %d states%n", profile.name().toLowerCase(), steps / elapsed, steps / cpu, steps,
                elapsed, largest);
    }

    /**
     * The kernel's grant refusal is left out: it sticks for the process's life and would turn most of the
     * walk into refused calls, a different workload.
     */
    private static Vector<Outcome> allowedOutcomes(Vector<Outcome> allowed) {
        return allowed.filter(outcome -> outcome.clause() != invs.spec.Clause.TRD104_GRANT_NOMEM);
    }

    /**
     * The fixed walk of {@code walk INPUTS}: its inputs and the answers chosen for them.
     *
     * @param inputs       the inputs, from power-on again every {@link #RESTART_EVERY}
     * @param observations each input's answer
     */
    public record Walk(Input[] inputs, Observation[] observations) {
    }

    /**
     * The fixed walk of {@code count} inputs on {@code specification}'s board (seed 42), made by the full set
     * of consistent states ({@link PlainStates}), so that it does not depend on what a frontier leaves out.
     */
    public static Walk fixed(Specification specification, int count) {
        Configuration config = specification.configuration();
        Input[] inputs = new Input[count];
        Observation[] observations = new Observation[count];
        Random random = new Random(42);
        PlainStates plain = PlainStates.start(specification);
        for (int step = 0; step < count; step++) {
            if (step % RESTART_EVERY == 0) {
                plain = PlainStates.start(specification);
            }
            Input input = RandomWalkAccess.randomInput(random, config);
            Vector<Outcome> allowed = allowedOutcomes(plain.allowed(input));
            inputs[step] = input;
            observations[step] = allowed.get(random.nextInt(allowed.size())).expected().example(0);
            plain = plain.advance(input, observations[step]);
        }
        return new Walk(inputs, observations);
    }

    private static void fixedWalk(Profile profile, int count) {
        Configuration config = Configuration.defaults(profile);
        Specification specification = new Specification(config);
        Walk walk = fixed(specification, count);
        Input[] inputs = walk.inputs();
        Observation[] observations = walk.observations();
        int apps = specification.configuration().apps().size();
        Checked plainCheck = check(inputs, observations, new Checker<>(() -> Frontier.start(specification),
                Frontier::advance, frontier -> frontier.states().size(), frontier -> frontier.states().size() * apps), null);
        String name = profile.name().toLowerCase();
        long[] widths = plainCheck.widths().clone();
        Arrays.sort(widths);
        System.out.printf("model %-4s: fixed walk of %,d inputs checked in %.2f CPU s, %,.0f per CPU second,"
                + " %,d bytes allocated per input; widest frontier %,d states; states per step median %,d, p99 %,d,"
                + " max %,d%n", name, count, plainCheck.cpu(), count / plainCheck.cpu(), plainCheck.allocated() / count,
                widths[count - 1], widths[count / 2], widths[(int) (count * 0.99)], widths[count - 1]);
        System.out.printf("model %-4s: %,d steps from a frontier of %d states or more, %.1f µs each%n",
                name, plainCheck.wideSteps(), WIDE, plainCheck.wideMicros());
        Checked factoredCheck = check(inputs, observations, new Checker<>(() -> FactoredFrontier.start(specification),
                FactoredFrontier::advance, FactoredFrontier::width, FactoredFrontier::held), plainCheck.widths());
        int[] held = factoredCheck.held().clone();
        Arrays.sort(held);
        System.out.printf("factored %-4s: the same walk checked in %.2f CPU s, %,.0f per CPU second,"
                + " %,d bytes allocated per input; widest %,d states, held in %,d parts; most parts %,d; parts per step"
                + " median %,d, p99 %,d%n", name, factoredCheck.cpu(), count / factoredCheck.cpu(),
                factoredCheck.allocated() / count, factoredCheck.widest(), factoredCheck.heldWidest(), held[count - 1],
                held[count / 2], held[(int) (count * 0.99)]);
        System.out.printf("factored %-4s: the same %,d steps, %.1f µs each%n", name, factoredCheck.wideSteps(),
                factoredCheck.wideMicros());
    }

    /** How one frontier steps. */
    private interface Step<F> {
        /** {@code frontier} after {@code input} answered by {@code observation}, or why it is not allowed. */
        io.vavr.control.Either<?, F> advance(F frontier, Input input, Observation observation);
    }

    /** A frontier of type {@code F} that checks the walk: how it starts, steps, and counts what it holds. */
    private static final class Checker<F> {
        private final java.util.function.Supplier<F> start;
        private final Step<F> step;
        private final java.util.function.ToLongFunction<F> width;
        private final java.util.function.ToIntFunction<F> held;
        private F frontier;

        Checker(java.util.function.Supplier<F> start, Step<F> step, java.util.function.ToLongFunction<F> width,
                java.util.function.ToIntFunction<F> held) {
            this.start = start;
            this.step = step;
            this.width = width;
            this.held = held;
            this.frontier = start.get();
        }

        void restart() {
            frontier = start.get();
        }

        /** Whether the frontier allows the step (it then moves on). */
        boolean advance(Input input, Observation observation) {
            var next = step.advance(frontier, input, observation);
            frontier = next.isRight() ? next.get() : frontier;
            return next.isRight();
        }

        long width() {
            return width.applyAsLong(frontier);
        }

        /** The app states it holds its states in. */
        int held() {
            return held.applyAsInt(frontier);
        }
    }

    /**
     * What checking a walk measured.
     *
     * @param cpu        the thread's CPU seconds
     * @param allocated  bytes the thread allocated
     * @param widths     the frontier's states after each step
     * @param held       the app states it held them in after each step
     * @param widest     the most states after a step
     * @param heldWidest the app states it held them in then
     * @param wideSteps  steps taken from a wide frontier
     * @param wideMicros microseconds each such step took, on average
     */
    private record Checked(double cpu, long allocated, long[] widths, int[] held, long widest, int heldWidest,
                           int wideSteps, double wideMicros) {
    }

    /**
     * Checks the walk with {@code checker}, timing the steps taken from a frontier of {@link #WIDE} states or
     * more: as {@code wideBy} says it was after each step, or as the checker says when it is null.
     */
    private static Checked check(Input[] inputs, Observation[] observations, Checker<?> checker, long[] wideBy) {
        int count = inputs.length;
        long[] widths = new long[count];
        int[] held = new int[count];
        long widest = 0;
        int heldWidest = 0;
        long wideNanos = 0;
        int wideSteps = 0;
        long allocatedStart = ALLOCATION.getCurrentThreadAllocatedBytes();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int step = 0; step < count; step++) {
            boolean restart = step % RESTART_EVERY == 0;
            if (restart) {
                checker.restart();
            }
            boolean wide = !restart && (wideBy == null ? checker.width() : wideBy[step - 1]) >= WIDE;
            long start = wide ? System.nanoTime() : 0;
            boolean allowed = checker.advance(inputs[step], observations[step]);
            if (wide) {
                wideNanos += System.nanoTime() - start;
                wideSteps++;
            }
            if (!allowed) {
                throw new IllegalStateException("the frontier rejects step " + step + " of the walk");
            }
            widths[step] = checker.width();
            held[step] = checker.held();
            if (widths[step] > widest) {
                widest = widths[step];
                heldWidest = held[step];
            }
        }
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long allocated = ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedStart;
        return new Checked(cpu, allocated, widths, held, widest, heldWidest, wideSteps,
                wideNanos / 1e3 / Math.max(1, wideSteps));
    }
}
