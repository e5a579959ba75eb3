package invs.spec.model;

import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Random;

/**
 * One walk of {@link FactoredFrontierTest}: the full set of consistent states, the {@link Frontier} and a
 * {@link FactoredFrontier} stepped alike, on random inputs with frequent faults (drains and reboots three
 * times rarer than in {@link RandomWalkTest}'s walks: they settle every app's choices, and the walks are to
 * leave many open), each answered as some consistent state allows and, half the time, first answered
 * otherwise (a stray answer, which most often no state allows) without stepping.
 *
 * <p>Run with {@code SoakWalk BOARD SEED STEPS} (a board of {@link FactoredFrontierTest#configurations},
 * by name; the seed of a walk, as a failing soak names it), with spec-model's test class path, it prints
 * each step's widths and the widest: how many states the full set, the frontier and the factored frontier
 * hold.
 */
final class SoakWalk {
    private final Configuration config;
    private final Random random;
    private PlainStates plain;
    private Frontier frontier;
    private FactoredFrontier factored;

    /** What one step tried and made. */
    record Step(Input input, Observation stray, boolean strayAcceptedByFrontier, boolean strayAcceptedByFactored,
                Observation observation, Either<Divergence, FactoredFrontier> factoredNext) {
        /** Whether a stray answer was tried first. */
        boolean triedStray() {
            return stray != null;
        }
    }

    /** A walk of a board of {@code config}, products held above {@code factorAbove} states, from {@code seed}. */
    SoakWalk(Configuration config, int factorAbove, long seed) {
        Specification specification = new Specification(config);
        this.config = config;
        this.random = new Random(seed);
        this.plain = PlainStates.start(specification);
        this.frontier = Frontier.start(specification);
        this.factored = FactoredFrontier.start(specification, factorAbove);
    }

    /**
     * Takes one step: a stray answer half the time, tried on both frontiers, then an answer some consistent
     * state allows. The full set and the frontier step on; the factored frontier only if it accepts.
     */
    Step step() {
        Input input = input();
        Observation stray = null;
        boolean byFrontier = false;
        boolean byFactored = false;
        if (random.nextBoolean()) {
            Input other = RandomWalkAccess.randomInput(random, config);
            Vector<Outcome> answers = plain.allowed(other);
            stray = answers.get(random.nextInt(answers.size())).expected().example(random.nextInt(256));
            byFrontier = frontier.advance(input, stray).isRight();
            byFactored = factored.advance(input, stray).isRight();
        }
        Vector<Outcome> allowed = plain.allowed(input)
                .filter(outcome -> outcome.clause() != Clause.TRD104_GRANT_NOMEM || random.nextInt(8) == 0);
        if (allowed.isEmpty()) {
            allowed = plain.allowed(input);
        }
        Observation observation = allowed.get(random.nextInt(allowed.size())).expected().example(random.nextInt(256));
        plain = plain.advance(input, observation);
        frontier = frontier.advance(input, observation).get();
        Either<Divergence, FactoredFrontier> next = factored.advance(input, observation);
        next.forEach(after -> factored = after);
        return new Step(input, stray, byFrontier, byFactored, observation, next);
    }

    /** A random input, drains and reboots three times rarer than in {@link RandomWalkTest}'s walks. */
    private Input input() {
        Input input = RandomWalkAccess.randomInput(random, config);
        while ((input instanceof Drain || input instanceof Reboot) && random.nextInt(3) != 0) {
            input = RandomWalkAccess.randomInput(random, config);
        }
        return input;
    }

    PlainStates plain() {
        return plain;
    }

    Frontier frontier() {
        return frontier;
    }

    FactoredFrontier factored() {
        return factored;
    }

    /** Walks a board's walk and prints each step's widths and the widest. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SoakWalk BOARD SEED STEPS (a board of FactoredFrontierTest, by name)");
            System.exit(2);
        }
        Object[] board = FactoredFrontierTest.configurations().map(arguments -> arguments.get())
                .filter(arguments -> arguments[0].equals(args[0])).findFirst().orElse(null);
        if (board == null) {
            System.err.println("SoakWalk: no board named " + args[0]);
            System.exit(2);
        }
        SoakWalk walk = new SoakWalk((Configuration) board[1], (Integer) board[2], Long.parseLong(args[1]));
        int widest = 0;
        long widestFactored = 0;
        int widestHeld = 0;
        for (int step = 0; step < Integer.parseInt(args[2]); step++) {
            walk.step();
            System.out.printf(Locale.ROOT, "step %d: full set %,d states, frontier %,d, factored %,d in %,d parts%n", step,
                    walk.plain.states().size(), walk.frontier.states().size(), walk.factored.width(), walk.factored.held());
            widest = Math.max(widest, walk.frontier.states().size());
            widestFactored = Math.max(widestFactored, walk.factored.width());
            widestHeld = Math.max(widestHeld, walk.factored.held());
        }
        System.out.printf(Locale.ROOT, "widest: frontier %,d states, factored %,d states, most parts %,d%n",
                widest, widestFactored, widestHeld);
    }
}
