package invs.impl.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The process table and the syscall interface of TRD104 for one installed driver: command is passed
 * to the driver; allow, subscribe and yield are handled here.
 */
public final class Kernel implements GrantKernelData {
    private static final byte[] NOTHING = new byte[0];

    private final Process[] processes;
    private final SyscallDriver driver;

    /** A kernel running the processes {@code specs}, with the driver {@code driverFactory} makes over its grants. */
    public Kernel(List<ProcessConfiguration> specs, Function<GrantKernelData, SyscallDriver> driverFactory) {
        this.driver = driverFactory.apply(this);
        this.processes = new Process[specs.size()];
        for (int slot = 0; slot < processes.length; slot++) {
            processes[slot] = new Process(slot, specs.get(slot), driver);
        }
    }

    /** The command system call of the process in {@code slot}. */
    public SyscallResult command(int slot, int number, long arg1, long arg2) {
        return driver.command(process(slot).id(), number, arg1, arg2);
    }

    /** A read-only allow of the process in {@code slot}. */
    public SyscallResult allowReadOnly(int slot, int number, byte[] data) {
        Process process = process(slot);
        Objects.requireNonNull(data, "data");
        if (number < 0 || number >= driver.readOnlyAllowCount()) {
            return SyscallResult.failure(ErrorCode.NOSUPPORT);
        }
        process.allowReadOnly(number, data.length == 0 ? null : data.clone());
        return SyscallResult.SUCCESS;
    }

    /** A read-write allow of a fresh buffer of {@code length} zero bytes. */
    public SyscallResult allowReadWrite(int slot, int number, int length) {
        Process process = process(slot);
        if (length < 0) {
            throw new IllegalArgumentException("negative buffer length " + length);
        }
        if (number < 0 || number >= driver.readWriteAllowCount()) {
            return SyscallResult.failure(ErrorCode.NOSUPPORT);
        }
        process.allowReadWrite(number, length == 0 ? null : new byte[length]);
        return SyscallResult.SUCCESS;
    }

    /** Subscribes ({@code subscribe}) or unsubscribes the process in {@code slot} to upcall {@code number}. */
    public SyscallResult subscribe(int slot, int number, boolean subscribe) {
        Process process = process(slot);
        if (number < 0 || number >= driver.upcallCount()) {
            return SyscallResult.failure(ErrorCode.NOSUPPORT);
        }
        process.setSubscribed(number, subscribe);
        return SyscallResult.SUCCESS;
    }

    /** Yield-no-wait of the process in {@code slot}: its oldest queued upcall, if any. */
    public Optional<Upcall> yieldNoWait(int slot) {
        return Optional.ofNullable(process(slot).dequeue());
    }

    /** A copy of the read-write buffer the process in {@code slot} has allowed. */
    public byte[] readWriteBufferCopy(int slot) {
        byte[] buffer = process(slot).readWrite(0);
        return buffer == null ? NOTHING.clone() : buffer.clone();
    }

    /** The process in {@code slot} faults and restarts. */
    public void restart(int slot) {
        driver.processEnded(process(slot).restart());
    }

    /** How many processes there are. */
    public int processCount() {
        return processes.length;
    }

    private Process process(int slot) {
        if (slot < 0 || slot >= processes.length) {
            throw new IllegalArgumentException("no process in slot " + slot + " (" + processes.length + " slots)");
        }
        return processes[slot];
    }

    private Process live(ProcessId id) {
        if (id.slot() < 0 || id.slot() >= processes.length) {
            return null;
        }
        Process process = processes[id.slot()];
        return process.isRun(id) ? process : null;
    }

    @Override
    public Permissions permissions(ProcessId process) {
        return processes[process.slot()].spec().permissions();
    }

    @Override
    public byte[] readOnlyBuffer(ProcessId process, int number) {
        Process live = live(process);
        return live == null || number < 0 || number >= driver.readOnlyAllowCount() ? null : live.readOnly(number);
    }

    @Override
    public byte[] readWriteBuffer(ProcessId process, int number) {
        Process live = live(process);
        return live == null || number < 0 || number >= driver.readWriteAllowCount() ? null : live.readWrite(number);
    }

    @Override
    public void scheduleUpcall(ProcessId process, int subscribeNumber, long arg0, long arg1, long arg2) {
        Process live = live(process);
        if (live != null && live.isSubscribed(subscribeNumber)) {
            live.enqueue(new Upcall(subscribeNumber, arg0, arg1, arg2));
        }
    }
}
