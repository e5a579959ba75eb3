package invs.conformance.campaign;

import invs.conformance.check.Run;
import invs.conformance.check.Violation;
import invs.conformance.explain.Differences;
import invs.conformance.explain.Field;
import invs.conformance.shrink.Shrinker;
import invs.conformance.shrink.Simplifications;
import invs.conformance.trace.TraceStep;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.DriverNumbers;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Syscall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Sequences made from a failing one so that every outcome shows (docs/conformance.md, "One report per
 * cause"). A generated sequence often leaves an upcall unsubscribed or a buffer unread, so a defect may
 * first show in what it left behind (the bytes of a buffer) rather than in the answer that went wrong (the
 * status of the operation's upcall). The cause grouping compares what the variants show; triage shrinks the
 * visible variant instead when the failure showed only in data and the variant shows the answer behind it,
 * so that the report names the answer a reader would fix.
 */
final class Visibility {
    /** How often each other app yields before the failing step when outcomes are made visible. */
    static final int REVEAL = 3;

    private Visibility() {
    }

    /**
     * A sequence made from a failing one, and where it shows that failure: from step {@code from} to step
     * {@code failing}; a failure before is another divergence.
     */
    record Variant(Vector<Input> inputs, int from, int failing, Vector<Integer> placed) {
        Variant(Vector<Input> inputs, int failing) {
            this(inputs, failing, failing, Vector.empty());
        }

        Variant(Vector<Input> inputs, int from, int failing) {
            this(inputs, from, failing, Vector.empty());
        }

        /** Whether a violation at {@code step} is the failure this variant was made to show. */
        boolean shows(int step) {
            return step >= from && step <= failing;
        }

        /**
         * Whether {@code run} of this variant stopped before the failure it was made to show, at a system
         * call (not a yield) of the {@code original} steps that the system answered as it did there: the
         * same answer, judged anew because of what the variant added before it. Only the subscriptions can
         * change that judgement (they take the app's grant, so a refusal the specification read as the
         * kernel's lack of memory for it is then the driver's); {@code placed} says where each original
         * step before the failing one is in the variant.
         */
        boolean judgedAnew(Run run, Vector<TraceStep> original) {
            if (run.violation().isEmpty()) {
                return false;
            }
            int step = run.violation().get().step();
            int at = placed.indexOf(step);
            return at >= 0 && original.get(at).input() instanceof Syscall && !(original.get(at).input() instanceof Yield)
                    && step < run.steps().size() && run.steps().get(step).observation().isDefined()
                    && run.steps().get(step).observation().equals(original.get(at).observation());
        }
    }

    /**
     * {@code inputs} with every outcome visible: every app subscribed to every upcall (at the start and
     * again after restarts and reboots), and right before the failing step each other app yields until it
     * has nothing more to deliver (at most {@link #REVEAL} times), so that an outcome it never looked at
     * shows there.
     */
    static Variant visible(Configuration board, Vector<Input> inputs, int failing) {
        Vector<Input> visible = subscribeAll(board.appIds());
        Vector<Integer> placed = Vector.empty();
        int from = -1;
        int at = -1;
        for (int step = 0; step < inputs.size(); step++) {
            Input input = inputs.get(step);
            if (step < failing) {
                placed = placed.append(visible.size());
            }
            if (step == failing) {
                from = visible.size();
                Option<Integer> own = Simplifications.appOf(input);
                visible = visible.appendAll(board.appIds().filter(app -> !own.contains(app.slot()))
                        .flatMap(app -> Vector.fill(REVEAL, new Yield(app))));
                at = visible.size();
            }
            visible = visible.append(input);
            if (input instanceof Restart restart) {
                visible = visible.appendAll(subscribeAll(Vector.of(restart.app())));
            } else if (input instanceof Reboot) {
                visible = visible.appendAll(subscribeAll(board.appIds()));
            }
        }
        return new Variant(visible, from, at, placed);
    }

    /**
     * The visible variant with the kernel drained and the failing app yielding {@link #REVEAL} times right
     * before its failing step (for a failure at anything but a yield): an operation the implementation still
     * counts as pending (a BUSY where none was due) or an upcall it holds twice then shows as the upcall it
     * delivers; failures at those yields show it too.
     */
    static Variant settled(Variant visible, AppId app) {
        Vector<Input> before = visible.inputs().take(visible.failing()).append(new Drain()).appendAll(Vector.fill(REVEAL, new Yield(app)));
        Vector<Input> inputs = before.appendAll(visible.inputs().drop(visible.failing()));
        return new Variant(inputs, visible.from(), before.size());
    }

    /**
     * The visible variant with the failing app's read-write buffer taken away before its failing yield,
     * which it then makes {@link #REVEAL} times: the upcalls alone, when the divergence was in the buffer
     * (the data of an operation whose upcall went missing shows there first).
     */
    static Variant unbuffered(Variant visible, Yield yield) {
        Vector<Input> inputs = visible.inputs().take(visible.failing()).append(new AllowReadWrite(yield.app(), 0, 0))
                .appendAll(Vector.fill(REVEAL, yield));
        return new Variant(inputs, visible.failing(), inputs.size() - 1);
    }

    /** Whether {@code violation} shows only in data: its closest allowed outcome differs in the buffer alone. */
    static boolean onlyInData(Violation violation) {
        return violation.divergence().exists(divergence -> Differences.closest(divergence)._2
                .forAll(difference -> difference.field() == Field.BUFFER || difference.field() == Field.BUFFER_LENGTH));
    }

    /**
     * The run to shrink for {@code failing}: itself, or, when it showed only in data, its visible variant if
     * that fails at the same step with the same property in an answer rather than in data (cut after that).
     */
    static Run revealed(Run failing, Shrinker.Reproduction reproduction) {
        Violation violation = failing.violation().get();
        if (!onlyInData(violation)) {
            return failing;
        }
        Variant visible = visible(failing.configuration(), failing.inputs(), violation.step());
        Run run;
        try {
            run = reproduction.attempt(failing.configuration(), visible.inputs());
        } catch (RuntimeException e) {
            return failing;
        }
        boolean better = run.violation().exists(found -> visible.shows(found.step())
                && found.property() == violation.property() && !onlyInData(found));
        return better ? run : failing;
    }

    private static Vector<Input> subscribeAll(Vector<AppId> apps) {
        return apps.flatMap(app -> Vector.range(0, DriverNumbers.SUBSCRIBE_NUMBERS).map(number -> new Subscribe(app, number)));
    }
}
