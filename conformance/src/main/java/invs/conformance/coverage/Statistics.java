package invs.conformance.coverage;

import io.vavr.collection.Map;
import io.vavr.collection.Vector;

import java.time.Duration;

/**
 * What a campaign exercised: how often each {@link DocumentedOutcome} was observed and each
 * {@link Corner} reached, how many inputs and system calls were checked, and where the time went.
 * Accumulated by one thread; {@link #merge} combines.
 */
public final class Statistics {
    /** How often each documented outcome was observed, by ordinal. */
    private final long[] outcomes = new long[DocumentedOutcome.values().length];
    /** How often each corner was reached, by ordinal. */
    private final long[] corners = new long[Corner.values().length];
    private long inputs;
    private long syscalls;
    private long sequences;
    private long modelNanos;
    private long systemNanos;
    private long otherNanos;
    private int widestFrontier;
    private long grantRefusals;
    private long sequencesWithGrantRefusal;
    private long stoppedAtFrontierBound;
    private long stoppedAtDeadline;

    /** No counts yet. */
    public Statistics() {
    }

    void outcome(DocumentedOutcome outcome) {
        outcomes[outcome.ordinal()]++;
    }

    void corner(Corner corner) {
        corners[corner.ordinal()]++;
    }

    void input(boolean syscall) {
        inputs++;
        if (syscall) {
            syscalls++;
        }
    }

    /** Counts one more sequence run. */
    public void sequence() {
        sequences++;
    }

    /** Adds time spent: in the specification, in the system under test, and in the engine's own work (ns). */
    public void time(long model, long system, long other) {
        modelNanos += model;
        systemNanos += system;
        otherNanos += other;
    }

    /**
     * Adds to the engine's own work {@code elapsed} ns, less what was counted since {@link #timedNanos} was
     * {@code countedBefore}: the time a caller measured around work the session timed itself (generating
     * inputs around the session's steps).
     */
    public void timeAround(long elapsed, long countedBefore) {
        time(0, 0, elapsed - (timedNanos() - countedBefore));
    }

    /** Notes a frontier of {@code width} states. */
    public void frontier(int width) {
        widestFrontier = Math.max(widestFrontier, width);
    }

    /**
     * Counts a system call the kernel refused for want of the app's grant (a synchronous NOMEM, docs/spec.md
     * D21); {@code firstInSequence} when it is the first such refusal of its sequence.
     */
    void grantRefused(boolean firstInSequence) {
        grantRefusals++;
        if (firstInSequence) {
            sequencesWithGrantRefusal++;
        }
    }

    /** How many system calls the kernel refused for want of a grant (synchronous NOMEM). */
    public long grantRefusals() {
        return grantRefusals;
    }

    /** In how many sequences the kernel refused a grant at least once. */
    public long sequencesWithGrantRefusal() {
        return sequencesWithGrantRefusal;
    }

    /** Adds {@code other}'s counts to these. */
    public void merge(Statistics other) {
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] += other.outcomes[i];
        }
        for (int i = 0; i < corners.length; i++) {
            corners[i] += other.corners[i];
        }
        inputs += other.inputs;
        syscalls += other.syscalls;
        sequences += other.sequences;
        modelNanos += other.modelNanos;
        systemNanos += other.systemNanos;
        otherNanos += other.otherNanos;
        widestFrontier = Math.max(widestFrontier, other.widestFrontier);
        grantRefusals += other.grantRefusals;
        sequencesWithGrantRefusal += other.sequencesWithGrantRefusal;
        stoppedAtFrontierBound += other.stoppedAtFrontierBound;
        stoppedAtDeadline += other.stoppedAtDeadline;
    }

    /** How often {@code outcome} was observed. */
    public long count(DocumentedOutcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    /** How often {@code corner} was reached. */
    public long count(Corner corner) {
        return corners[corner.ordinal()];
    }

    /** Every documented outcome with its count, in the document's order. */
    public Map<DocumentedOutcome, Long> outcomes() {
        return Vector.of(DocumentedOutcome.values()).toLinkedMap(outcome -> outcome, outcome -> count(outcome));
    }

    /** Every corner with its count. */
    public Map<Corner, Long> corners() {
        return Vector.of(Corner.values()).toLinkedMap(corner -> corner, corner -> count(corner));
    }

    /** Inputs checked (system calls and events). */
    public long inputs() {
        return inputs;
    }

    /** System calls checked. */
    public long syscalls() {
        return syscalls;
    }

    /** Sequences run (tries; shrinking candidates are not counted). */
    public long sequences() {
        return sequences;
    }

    /** Time spent in the specification (advancing the frontier). */
    public Duration modelTime() {
        return Duration.ofNanos(modelNanos);
    }

    /** Time spent in the system under test (creating it and answering inputs). */
    public Duration systemTime() {
        return Duration.ofNanos(systemNanos);
    }

    /** Time spent generating inputs and in the other oracles. */
    public Duration otherTime() {
        return Duration.ofNanos(otherNanos);
    }

    /** All the time counted so far, in nanoseconds: the specification's, the system's and the rest. */
    public long timedNanos() {
        return modelNanos + systemNanos + otherNanos;
    }

    /** The model's share of the checked time, between 0 and 1. */
    public double modelShare() {
        long total = modelNanos + systemNanos + otherNanos;
        return total == 0 ? 0 : (double) modelNanos / total;
    }

    /** The most states the specification's frontier held at once. */
    public int widestFrontier() {
        return widestFrontier;
    }

    /** Counts one more try stopped because the frontier passed its bound ({@code Session.FRONTIER_BOUND}). */
    public void stoppedAtFrontierBound() {
        stoppedAtFrontierBound++;
    }

    /** How many tries stopped because the frontier passed its bound. */
    public long triesStoppedAtFrontierBound() {
        return stoppedAtFrontierBound;
    }

    /** Counts one more try cut short because the campaign's time for running tries ran out. */
    public void stoppedAtDeadline() {
        stoppedAtDeadline++;
    }

    /** How many tries were cut short because the campaign's time for running tries ran out. */
    public long triesStoppedAtDeadline() {
        return stoppedAtDeadline;
    }

    /** The documented outcomes and corners of {@code requirement} reached fewer times than it asks. */
    public Vector<String> missing(CoverageRequirement requirement) {
        Vector<String> missing = Vector.empty();
        for (var entry : requirement.outcomes()) {
            if (count(entry._1) < entry._2) {
                missing = missing.append(entry._1 + " observed " + count(entry._1) + " times, at least " + entry._2
                        + " required");
            }
        }
        for (var entry : requirement.corners()) {
            if (count(entry._1) < entry._2) {
                missing = missing.append(entry._1.description() + " reached " + count(entry._1)
                        + " times, at least " + entry._2 + " required");
            }
        }
        return missing;
    }

    /** A table of the counts, for reports. */
    public String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%d sequences, %d inputs, %d system calls; model %.0f%% of the time, widest frontier %d%n",
                sequences, inputs, syscalls, 100 * modelShare(), widestFrontier));
        text.append("documented outcomes:\n");
        for (DocumentedOutcome outcome : DocumentedOutcome.values()) {
            text.append(String.format("  %-32s %10d%n", outcome, count(outcome)));
        }
        text.append("corners:\n");
        for (Corner corner : Corner.values()) {
            text.append(String.format("  %-52s %10d%n", corner.description(), count(corner)));
        }
        return text.toString();
    }
}
