package invs.impl.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The process table and the syscall interface of TRD104 for one installed driver: command is passed
 * to the driver; allow, subscribe and yield are handled here.
 */
final class Kernel implements GrantKernelData {
    private static final byte[] NOTHING = new byte[0];

    private final Process[] processes;
    private final SyscallDriver driver;

    Kernel(List<ProcessSpec> specs, Function<GrantKernelData, SyscallDriver> driverFactory) {
        this.driver = driverFactory.apply(this);
        this.processes = new Process[specs.size()];
        for (int slot = 0; slot < processes.length; slot++) {
            processes[slot] = new Process(slot, specs.get(slot), driver);
        }
    }

    SyscallResult command(int slot, int number, long arg1, long arg2) {
        return driver.command(process(slot).id(), number, arg1, arg2);
    }

    SyscallResult allowReadOnly(int slot, int number, byte[] data) {
        Process process = process(slot);
        Objects.requireNonNull(data, "data");
        if (number < 0 || number >= driver.readOnlyAllowCount()) {
            return SyscallResult.failure(ErrorCode.NOSUPPORT);
        }
        process.allowReadOnly(number, data.length == 0 ? null : data.clone());
        return SyscallResult.SUCCESS;
    }

    SyscallResult allowReadWrite(int slot, int number, int length) {
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

    SyscallResult subscribe(int slot, int number, boolean subscribe) {
        Process process = process(slot);
        if (number < 0 || number >= driver.upcallCount()) {
            return SyscallResult.failure(ErrorCode.NOSUPPORT);
        }
        process.setSubscribed(number, subscribe);
        return SyscallResult.SUCCESS;
    }

    Optional<Upcall> yieldNoWait(int slot) {
        return Optional.ofNullable(process(slot).dequeue());
    }

    byte[] readWriteBufferCopy(int slot) {
        byte[] buffer = process(slot).readWrite(0);
        return buffer == null ? NOTHING.clone() : buffer.clone();
    }

    void restart(int slot) {
        driver.processEnded(process(slot).restart());
    }

    int processCount() {
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
