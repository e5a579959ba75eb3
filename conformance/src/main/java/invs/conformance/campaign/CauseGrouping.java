package invs.conformance.campaign;

import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.shrink.Simplifications;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.TraceStep;
import invs.spec.AppId;
import invs.spec.Input;
import io.vavr.collection.Vector;

import java.util.function.Function;

/**
 * Groups findings into causes (docs/conformance.md, "One report per cause"). Every finding is shrunk to
 * the first step where the implementation leaves what the checks allow, so its last step is a probe that
 * shows a state gone wrong, and the steps before it (the prefix) are what led there. Two findings fall
 * together when
 * <ol>
 *   <li>their first divergences have the same {@link Signature} (property, clause, kind of input, the
 *       fields that differ and the kind of value seen), or</li>
 *   <li>cross-replay shows one state behind both: one finding's prefix followed by the other's probe
 *       (with the probe's app renamed to the prefix's) fails with the other's signature.</li>
 * </ol>
 * The shortest finding of a cause represents it.
 */
final class CauseGrouping {
    /** At most this many groups are cross-replayed pairwise; beyond it, signatures alone decide. */
    static final int CROSS_REPLAY_LIMIT = 40;

    private final SystemUnderTestFactory factory;

    CauseGrouping(SystemUnderTestFactory factory) {
        this.factory = factory;
    }

    /** The causes of {@code findings}, in the order of their earliest finding. */
    Vector<Cause> group(Vector<Finding> findings) {
        Vector<Finding> byLength = findings.sortBy(finding -> finding.shrunkLength() * 1_000_000L
                + Math.min(999_999, findings.indexOf(finding)));
        Vector<String> signatures = byLength.map(finding -> Signature.of(finding.violation()));
        int[] parent = new int[byLength.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            for (int j = 0; j < i; j++) {
                if (signatures.get(i).equals(signatures.get(j))) {
                    union(parent, i, j);
                    break;
                }
            }
        }
        Vector<Integer> roots = Vector.range(0, parent.length).filter(i -> find(parent, i) == i);
        if (roots.size() <= CROSS_REPLAY_LIMIT) {
            for (int a = 0; a < roots.size(); a++) {
                for (int b = a + 1; b < roots.size(); b++) {
                    int first = roots.get(a);
                    int second = roots.get(b);
                    if (find(parent, first) != find(parent, second)
                            && (explains(byLength.get(first), byLength.get(second), signatures.get(second))
                            || explains(byLength.get(second), byLength.get(first), signatures.get(first)))) {
                        union(parent, first, second);
                    }
                }
            }
        }
        Function<Integer, Integer> root = i -> find(parent, i);
        return Vector.range(0, byLength.size()).groupBy(root).values().toVector()
                .map(members -> members.sorted())
                .sortBy(members -> members.map(i -> findings.indexOf(byLength.get(i))).min().get())
                .map(members -> new Cause(members.map(byLength::get), signatures.get(members.head())));
    }

    /** Whether {@code prefix}'s steps followed by {@code probe}'s last input fail with {@code signature}. */
    private boolean explains(Finding prefix, Finding probe, String signature) {
        if (!prefix.checks().equals(probe.checks())) {
            return false;
        }
        Vector<Input> steps = prefix.trace().steps().map(TraceStep::input);
        Input last = probe.trace().steps().last().input();
        Vector<Input> leading = steps.init();
        for (Input candidate : probes(last, steps.last(), prefix)) {
            Run run;
            try {
                run = Session.run(prefix.trace().header().configuration(), factory, prefix.checks(),
                        leading.append(candidate));
            } catch (RuntimeException e) {
                return false;
            }
            if (run.violation().exists(found -> found.step() == leading.size() && Signature.of(found).equals(signature))) {
                return true;
            }
        }
        return false;
    }

    /** The probe as it was, and with its app renamed to the app of the prefix's own probe. */
    private static Vector<Input> probes(Input probe, Input ownProbe, Finding prefix) {
        int apps = prefix.trace().header().configuration().apps().size();
        Vector<Input> candidates = Vector.empty();
        if (Simplifications.appOf(probe).forAll(app -> app < apps)) {
            candidates = candidates.append(probe);
        }
        var from = Simplifications.appOf(probe);
        var to = Simplifications.appOf(ownProbe);
        if (from.isDefined() && to.isDefined() && !from.equals(to)) {
            candidates = candidates.append(Simplifications.withApp(probe, AppId.of(to.get())));
        }
        return candidates;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
