package invs.impl.driver;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Accepted operations waiting for the storage: served in arrival order, or (like the real capsule,
 * which walks its grants) in process-slot order.
 */
final class OperationQueue {
    private final ArrayDeque<Operation> waiting = new ArrayDeque<>();
    private final boolean bySlot;

    OperationQueue(boolean bySlot) {
        this.bySlot = bySlot;
    }

    void add(Operation operation) {
        waiting.addLast(operation);
    }

    /** The next operation to serve, removed, or {@code null}. */
    Operation poll() {
        if (!bySlot || waiting.size() <= 1) {
            return waiting.pollFirst();
        }
        Operation first = null;
        for (Operation operation : waiting) {
            if (first == null || operation.app().slot() < first.app().slot()) {
                first = operation;
            }
        }
        waiting.remove(first);
        return first;
    }

    /** Drops the waiting operation of process slot {@code slot}, if any. */
    void removeSlot(int slot) {
        for (Iterator<Operation> it = waiting.iterator(); it.hasNext(); ) {
            if (it.next().app().slot() == slot) {
                it.remove();
            }
        }
    }
}
