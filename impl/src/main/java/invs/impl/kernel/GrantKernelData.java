package invs.impl.kernel;

/**
 * What a capsule may ask the kernel about a process (Tock's {@code GrantKernelData} and the process's
 * storage permissions). Calls about a run that is over answer as if nothing were allowed and drop
 * upcalls.
 */
public interface GrantKernelData {

    /** The storage permissions of {@code process}. */
    Permissions permissions(ProcessId process);

    /**
     * The buffer {@code process} currently shares through read-only allow {@code number}, or
     * {@code null} if none. The capsule must only read it and must not keep it past the current call.
     */
    byte[] readOnlyBuffer(ProcessId process, int number);

    /**
     * The buffer {@code process} currently shares through read-write allow {@code number}, or
     * {@code null} if none. The capsule must not keep it past the current call.
     */
    byte[] readWriteBuffer(ProcessId process, int number);

    /**
     * Queues an upcall for {@code process} on {@code subscribeNumber}; dropped if that run is over or
     * the process is not subscribed to that number now.
     */
    void scheduleUpcall(ProcessId process, int subscribeNumber, long arg0, long arg1, long arg2);
}
