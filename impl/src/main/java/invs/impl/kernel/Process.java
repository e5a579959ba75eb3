package invs.impl.kernel;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/** A process slot: its spec, the current run's allowed buffers, subscriptions and upcall queue. */
final class Process {
    private final ProcessConfiguration spec;
    private final int slot;
    private ProcessId id;
    private final byte[][] readOnly;
    private final byte[][] readWrite;
    private final boolean[] subscribed;
    private final ArrayDeque<Upcall> upcalls = new ArrayDeque<>();

    Process(int slot, ProcessConfiguration spec, SyscallDriver driver) {
        this.slot = slot;
        this.spec = spec;
        this.id = new ProcessId(slot, 0);
        this.subscribed = new boolean[driver.upcallCount()];
        this.readOnly = new byte[driver.readOnlyAllowCount()][];
        this.readWrite = new byte[driver.readWriteAllowCount()][];
    }

    ProcessId id() {
        return id;
    }

    ProcessConfiguration spec() {
        return spec;
    }

    boolean isRun(ProcessId run) {
        return id.equals(run);
    }

    byte[] readOnly(int number) {
        return readOnly[number];
    }

    byte[] readWrite(int number) {
        return readWrite[number];
    }

    void allowReadOnly(int number, byte[] buffer) {
        readOnly[number] = buffer;
    }

    void allowReadWrite(int number, byte[] buffer) {
        readWrite[number] = buffer;
    }

    boolean isSubscribed(int number) {
        return subscribed[number];
    }

    /** Subscribes or unsubscribes {@code number}, forgetting upcalls already queued on it. */
    void setSubscribed(int number, boolean value) {
        subscribed[number] = value;
        for (Iterator<Upcall> it = upcalls.iterator(); it.hasNext(); ) {
            if (it.next().subscribeNumber() == number) {
                it.remove();
            }
        }
    }

    void enqueue(Upcall upcall) {
        upcalls.addLast(upcall);
    }

    Upcall dequeue() {
        return upcalls.pollFirst();
    }

    /** The run ends: everything of it is forgotten, the next run starts. */
    ProcessId restart() {
        ProcessId ended = id;
        id = new ProcessId(slot, ended.generation() + 1);
        Arrays.fill(readOnly, null);
        Arrays.fill(readWrite, null);
        Arrays.fill(subscribed, false);
        upcalls.clear();
        return ended;
    }
}
