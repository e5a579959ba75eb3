package invs.impl.kernel;

/**
 * A capsule as the kernel sees it: commands go to it; allow and subscribe are handled by the kernel
 * within the counts the capsule declares (like a Tock grant's upcall and allow counts).
 */
public interface SyscallDriver {

    /** Handles command {@code number} from {@code process}. */
    SyscallResult command(ProcessId process, int number, long arg1, long arg2);

    /** Number of subscribe numbers (0 .. count-1 are valid). */
    int upcallCount();

    /** Number of read-only allow numbers. */
    int readOnlyAllowCount();

    /** Number of read-write allow numbers. */
    int readWriteAllowCount();

    /** The run {@code ended} of a process is over (it faulted and restarts): forget its grant. */
    void processEnded(ProcessId ended);
}
