package invs.impl.kernel;

import java.util.ArrayList;
import java.util.List;

/** The deferred calls registered on a board; the pending ones run on each tick. */
public final class DeferredCalls {
    private final List<DeferredCall> calls = new ArrayList<>();

    /** Registers {@code handler}; the returned call runs it when set. */
    public DeferredCall register(Runnable handler) {
        DeferredCall call = new DeferredCall(handler);
        calls.add(call);
        return call;
    }

    /** Whether any call is pending. */
    public boolean hasPending() {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).isPending()) {
                return true;
            }
        }
        return false;
    }

    /** Runs every pending call once. */
    public void runPending() {
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).runIfPending();
        }
    }
}
