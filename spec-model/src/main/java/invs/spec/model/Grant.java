package invs.spec.model;

/**
 * Whether the kernel holds an app's grant for this driver: the per-process memory where Tock keeps the
 * app's allowed buffers, subscriptions and driver state. The kernel allocates it on the first system call
 * that needs it and may refuse for want of process memory (clause TRD104_GRANT_NOMEM, docs/spec.md D21).
 * A process keeps its grant, or its refusal, until it ends: nothing the driver sees changes the process's
 * memory.
 */
public enum Grant {
    /** No call that needs the grant has been answered yet: the kernel may still allocate or refuse it. */
    NONE,
    /** The kernel allocated the grant; it is never refused again while the process lives. */
    ALLOCATED,
    /** The kernel refused the grant: every call that needs it fails with NOMEM while the process lives. */
    REFUSED
}
