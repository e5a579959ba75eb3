package invs.conformance.explain;

import invs.conformance.trace.TraceStep;
import invs.spec.Clause;
import invs.spec.Configuration;
import invs.spec.model.Divergence;
import invs.spec.model.Outcome;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

/**
 * What a reader needs to fix a lockstep divergence: the step, the fields that differ from the closest
 * allowed answer (buffers as windowed diffs with offsets, however long), the clause that governs each field
 * and the docs/spec.md decisions behind it, and the earlier steps that made the specification expect what
 * it expected.
 *
 * @param step        the 1-based number of the diverging step
 * @param differences the fields that differ from the closest allowed outcome
 * @param clauses     for each difference, the clause that governs that field
 * @param closest     the closest allowed outcome
 * @param deciding    the earlier steps that decided what was expected, one sentence each
 */
public record Explanation(int step, Vector<Difference> differences, Vector<Clause> clauses, Outcome closest,
                          Vector<String> deciding) {

    /** The explanation of {@code divergence} at the last step of {@code steps} on {@code configuration}. */
    public static Explanation of(Configuration configuration, Vector<TraceStep> steps, Divergence divergence) {
        Tuple2<Outcome, Vector<Difference>> closest = Differences.closest(divergence);
        Vector<Clause> clauses = closest._2.map(difference -> GoverningClause.of(difference, steps, closest._1, divergence.allowed()));
        return new Explanation(steps.size(), closest._2, clauses, closest._1, DecidingSteps.of(configuration, steps));
    }

    /**
     * The clause governing the first field in which the last of {@code steps} differs from the closest
     * outcome {@code divergence} allowed: what a finding is filed under.
     */
    public static Clause governing(Vector<TraceStep> steps, Divergence divergence) {
        Tuple2<Outcome, Vector<Difference>> closest = Differences.closest(divergence);
        return closest._2.headOption().map(difference -> GoverningClause.of(difference, steps, closest._1, divergence.allowed()))
                .getOrElse(closest._1.clause());
    }

    /** The primary clause: the one governing the first differing field. */
    public Clause clause() {
        return clauses.headOption().getOrElse(closest.clause());
    }

    /** The explanation as lines of text. */
    public Vector<String> lines() {
        Vector<String> lines = Vector.of("step " + step + " differs from the closest answer the specification allowed ("
                + closest.expected() + "):");
        for (int index = 0; index < differences.size(); index++) {
            Clause clause = clauses.get(index);
            lines = lines.append("  " + differences.get(index).describe())
                    .append("    governed by " + clause.citation() + Decisions.of(clause));
        }
        if (!deciding.isEmpty()) {
            lines = lines.append("why the specification expected this:");
            lines = lines.appendAll(deciding.map(sentence -> "  " + sentence));
        }
        return lines;
    }
}
