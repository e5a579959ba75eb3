package invs.conformance.explain;

import invs.spec.Clause;

/** The docs/spec.md decisions that govern a clause, as a report cites them. */
final class Decisions {
    private Decisions() {
    }

    /** {@code "; decided in docs/spec.md D4, D6"} for a clause governed by decisions, else empty. */
    static String of(Clause clause) {
        return clause.decisions().isEmpty() ? "" : "; decided in " + clause.decisionCitation();
    }
}
