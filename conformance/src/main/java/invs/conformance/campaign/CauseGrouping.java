package invs.conformance.campaign;

import invs.conformance.check.Checks;
import invs.conformance.check.Isolation;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.shrink.Deadline;
import invs.conformance.shrink.Shrinker;
import invs.conformance.shrink.Simplifications;
import invs.conformance.campaign.Visibility.Variant;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.trace.TraceStep;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Yield;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Groups findings into causes (docs/conformance.md, "One report per cause"). Every finding is shrunk to
 * the first step where the implementation leaves what the checks allow, so its last step is a probe that
 * shows a state gone wrong, and the steps before it (the prefix) are what led there. Each finding has
 * symptoms: its own {@link Signature}, and the signature its sequence shows at the same step once every
 * outcome is made visible (every app subscribed to every upcall, and checked in lockstep: an isolation
 * finding, or a read showing a wrong buffer because the upcall of the wrong operation went unseen, then
 * shows the divergence behind it), and the readings of its {@link MinimalForm}s (the finding shrunk again
 * accepting any failure of its property at which the specification still expected what it expected, or,
 * for an upcall never due, at which the system showed that upcall again). Two findings fall together when
 * <ol>
 *   <li>they share a symptom, or</li>
 *   <li>cross-replay shows one state behind both: one finding's prefix, or its steps up to any drain in
 *       it (the kernel settled there), followed by the other's probe (with the probe's app renamed to each
 *       app of the prefix's board) fails with the other's signature at the probe, or one finding's steps
 *       up to its last reboot or restart, spliced into the other's on the other's board ({@link Splice}),
 *       fail as the other does.</li>
 * </ol>
 * Cross-replay runs between groups pairwise, with the shortest {@link #CROSS_REPLAY_MEMBERS} findings of
 * each. The shortest finding of a cause represents it. Past the grouping's deadline no more sequences run:
 * the findings are grouped by what was found by then.
 */
final class CauseGrouping {
    /** At most this many groups are cross-replayed pairwise; beyond it, symptoms alone decide. */
    static final int CROSS_REPLAY_LIMIT = 40;
    /** The shortest this many findings of each group are cross-replayed with those of the other. */
    static final int CROSS_REPLAY_MEMBERS = 4;
    private final SystemUnderTestFactory factory;
    private final Function<Checks, Shrinker.Reproduction> reproduction;
    private final Deadline deadline;

    /**
     * A grouping that runs variants on systems of {@code factory} and shrinks through {@code reproduction},
     * running nothing more once {@code deadline} has passed (symptoms already found still join findings).
     */
    CauseGrouping(SystemUnderTestFactory factory, Function<Checks, Shrinker.Reproduction> reproduction, Deadline deadline) {
        this.factory = factory;
        this.reproduction = reproduction;
        this.deadline = deadline;
    }

    /** The causes of {@code findings}, in the order of their earliest finding. */
    Vector<Cause> group(Vector<Finding> findings) {
        Vector<Finding> byLength = findings.sortBy(finding -> finding.shrunkLength() * 1_000_000L
                + Math.min(999_999, findings.indexOf(finding)));
        Vector<String> signatures = byLength.map(finding -> Signature.of(finding.violation()));
        Vector<Vector<String>> symptoms = byLength.map(this::symptoms);
        Partition partition = new Partition(byLength.size());
        for (int i = 0; i < byLength.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (symptoms.get(i).exists(symptoms.get(j)::contains)) {
                    partition.join(i, j);
                }
            }
        }
        Vector<Integer> roots = Vector.range(0, byLength.size()).filter(i -> partition.root(i) == i);
        if (roots.size() <= CROSS_REPLAY_LIMIT) {
            Vector<Vector<Integer>> groups = roots.map(group -> Vector.range(0, byLength.size())
                    .filter(i -> partition.root(i) == group).take(CROSS_REPLAY_MEMBERS));
            for (int a = 0; a < groups.size(); a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    if (partition.root(roots.get(a)) != partition.root(roots.get(b))
                            && crossReplayed(groups.get(a), groups.get(b), byLength)) {
                        partition.join(roots.get(a), roots.get(b));
                    }
                }
            }
        }
        Function<Integer, Integer> root = partition::root;
        return Vector.range(0, byLength.size()).groupBy(root).values().toVector()
                .map(members -> members.sorted())
                .sortBy(members -> members.map(i -> findings.indexOf(byLength.get(i))).min().get())
                .map(members -> new Cause(members.map(byLength::get), signatures.get(members.head())));
    }

    /**
     * The symptoms of {@code finding}: the readings of its own divergence, and those of other sequences made
     * from it that fail at its failing step when checked with the online properties (lockstep first): its
     * sequence with every outcome visible (see {@link Visibility#visible}); when it failed at a yield, the
     * same with the buffer taken away (see {@link Visibility#unbuffered}), else the same settled first (see
     * {@link Visibility#settled}); and for an isolation finding, its sequence as it is
     * and the subject's program alone (what the isolation check compared it with).
     */
    private Vector<String> symptoms(Finding finding) {
        Configuration board = finding.trace().header().configuration();
        Vector<Input> inputs = finding.trace().steps().map(TraceStep::input);
        int failing = finding.violation().step();
        Variant visible = Visibility.visible(board, inputs, failing);
        Vector<Variant> variants = Vector.of(visible);
        if (inputs.get(failing) instanceof Yield yield) {
            variants = variants.append(Visibility.unbuffered(visible, yield));
        } else if (Simplifications.appOf(inputs.get(failing)).isDefined()) {
            variants = variants.append(Visibility.settled(visible, AppId.of(Simplifications.appOf(inputs.get(failing)).get())));
        }
        if (finding.checks().subject().isDefined()) {
            AppId subject = finding.checks().subject().get();
            Vector<Input> alone = inputs.take(failing + 1).filter(input -> Isolation.inProgram(input, subject));
            variants = variants.append(new Variant(inputs, failing)).append(new Variant(alone, alone.size() - 1));
        }
        Checks online = finding.checks().checks(Property.ISOLATION) ? Checks.online() : finding.checks();
        Vector<String> found = Signature.readings(finding.violation());
        for (Variant variant : variants) {
            if (deadline.passed()) {
                return found.distinct();
            }
            try {
                Run run = Session.run(board, factory, online, variant.inputs());
                found = found.appendAll(run.violation().filter(violation -> variant.shows(violation.step())
                                || variant.judgedAnew(run, finding.trace().steps()))
                        .toVector().flatMap(Signature::readings));
            } catch (RuntimeException e) {
                // a variant the system cannot run shows nothing
            }
        }
        found = found.appendAll(MinimalForm.of(finding, reproduction.apply(finding.checks()),
                finding.checks().subject().isEmpty(), deadline));
        return found.distinct();
    }

    /** Whether a finding of {@code first} and one of {@code second} explain each other (either way round). */
    private boolean crossReplayed(Vector<Integer> first, Vector<Integer> second, Vector<Finding> byLength) {
        for (int one : first) {
            for (int other : second) {
                if (explains(byLength.get(one), byLength.get(other)) || explains(byLength.get(other), byLength.get(one))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code prefix}'s steps (all but its last, or those up to a drain among them) followed by
     * {@code probe}'s last input fail as {@code probe} does (a shared reading), or a {@link Splice} of the
     * two across their reboots or restarts does.
     */
    private boolean explains(Finding prefix, Finding probe) {
        if (!prefix.checks().equals(probe.checks())) {
            return false;
        }
        Vector<Input> steps = prefix.trace().steps().map(TraceStep::input);
        Vector<Input> leading = steps.init();
        Configuration prefixBoard = prefix.trace().header().configuration();
        Configuration probeBoard = probe.trace().header().configuration();
        Vector<Vector<Input>> settledPrefixes = Vector.range(0, leading.size() - 1)
                .filter(at -> leading.get(at) instanceof Drain).map(at -> leading.take(at + 1)).append(leading);
        Vector<Input> candidateProbes = probes(probe.trace().steps().last().input(), prefix);
        Vector<Tuple2<Configuration, Vector<Input>>> candidates = settledPrefixes
                .flatMap(before -> candidateProbes.map(candidate -> Tuple.of(prefixBoard, before.append(candidate))))
                .appendAll(Splice.of(steps, probe.trace().inputs(), probeBoard.apps().size())
                        .map(spliced -> Tuple.of(probeBoard, spliced)));
        for (Tuple2<Configuration, Vector<Input>> candidate : candidates) {
            if (deadline.passed()) {
                return false;
            }
            Run run;
            try {
                run = Session.run(candidate._1, factory, probe.checks(), candidate._2);
            } catch (RuntimeException e) {
                return false;
            }
            if (run.violation().exists(found -> found.step() == candidate._2.size() - 1
                    && Signature.readings(found).exists(Signature.readings(probe.violation())::contains))) {
                return true;
            }
        }
        return false;
    }

    /** The probe as it was (if its app is on the prefix's board), and with its app renamed to each other app there. */
    private static Vector<Input> probes(Input probe, Finding prefix) {
        int apps = prefix.trace().header().configuration().apps().size();
        Option<Integer> from = Simplifications.appOf(probe);
        if (from.isEmpty()) {
            return Vector.of(probe);
        }
        Vector<Input> renamed = Vector.range(0, apps).filter(app -> !from.contains(app))
                .map(app -> Simplifications.withApp(probe, AppId.of(app)));
        return from.get() < apps ? renamed.prepend(probe) : renamed;
    }
}
