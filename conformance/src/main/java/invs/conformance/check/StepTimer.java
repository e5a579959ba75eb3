package invs.conformance.check;

import invs.conformance.coverage.Statistics;

/**
 * Times a session's steps for the split of the checking time the statistics keep (the specification's,
 * the system's, the rest: {@link Statistics#time}), one step in {@link #EVERY} on average, picked at
 * random: reading the clock three times at every step cost about a tenth of the checking, and a share of
 * the time is estimated as well from a sample (a timed step reads it four times). A timed step counts {@link #EVERY}
 * times its time, so the sums estimate the whole. The steps timed are picked afresh for each session (the
 * gaps between them are random, seeded by the clock), so that no step of a sequence is timed more often than
 * another; what a session checks does not depend on them.
 */
public final class StepTimer {
    /**
     * One step in this many is timed, on average; a caller that times the work around the timed steps
     * ({@link Session#lastStepTimed}) counts it this many times over.
     */
    public static final int EVERY = 16;

    private final Statistics statistics;
    private long random;
    /** Steps until the next timed one, counting it. */
    private int untilTimed;
    /** Whether the step begun last is timed. */
    private boolean timing;
    private long start;
    private long answered;
    private long modelled;
    /** Whether the lockstep oracle judged the step timed (it does not when an oracle before it found a violation). */
    private boolean modelJudged;

    /** A timer counting into {@code statistics}. */
    StepTimer(Statistics statistics) {
        this.statistics = statistics;
        this.random = System.nanoTime() * 0x9E3779B97F4A7C15L | 1;
        this.untilTimed = gap();
    }

    /** A step begins (its input is applied, or its answer is taken, next); reads the clock if it is timed. */
    void begin() {
        timing = --untilTimed == 0;
        if (timing) {
            untilTimed = gap();
            modelJudged = false;
            start = System.nanoTime();
        }
    }

    /** Whether the step begun last is timed. */
    boolean timing() {
        return timing;
    }

    /** The system answered the step. */
    void answered() {
        if (timing) {
            answered = System.nanoTime();
        }
    }

    /** The lockstep oracle judged the step. */
    void modelled() {
        if (timing) {
            modelled = System.nanoTime();
            modelJudged = true;
        }
    }

    /**
     * The step was judged: a timed step's time is counted, {@link #EVERY} times over, as the system's (until
     * it answered), the specification's (until the lockstep oracle was done, with any oracle checked before
     * it; none without lockstep or when an oracle before it found a violation), and the rest.
     */
    void judged() {
        if (timing) {
            long judged = System.nanoTime();
            long model = modelJudged ? modelled : answered;
            statistics.time(EVERY * (model - answered), EVERY * (answered - start), EVERY * (judged - model));
        }
    }

    /** The system failed to answer the step: a timed step's time is counted as the system's. */
    void unanswered() {
        if (timing) {
            statistics.time(0, EVERY * (System.nanoTime() - start), 0);
        }
    }

    /** Steps from one timed step to the next: from 1 to {@code 2 * EVERY - 1}, {@link #EVERY} on average. */
    private int gap() {
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        return 1 + (int) ((random >>> 1) % (2 * EVERY - 1));
    }
}
