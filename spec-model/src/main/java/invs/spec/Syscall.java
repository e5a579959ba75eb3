package invs.spec;

/** A system call one app makes to driver 0x50004 (or, for {@link Yield}, to the kernel). */
public sealed interface Syscall extends Input
        permits Command, AllowReadOnly, AllowReadWrite, Subscribe, Unsubscribe, Yield {
    /** The app making the call. */
    AppId app();
}
