package invs.conformance.sut;

/**
 * What a system under test can do beyond the system calls every implementation answers. The engine
 * generates an environment event only when the system declares the capability for it.
 */
public enum Capability {
    /** {@link invs.spec.Tick}: one step of internal progress on demand. */
    TICK,
    /** {@link invs.spec.Drain}: run until no internal work is left. */
    DRAIN,
    /** {@link invs.spec.Reboot}: a power cycle that keeps the storage. */
    REBOOT,
    /** A {@link invs.spec.Reboot} that cuts a flash operation in progress after the given number of bytes. */
    TORN_REBOOT,
    /** {@link invs.spec.Restart}: one process faults and restarts with the same ShortId. */
    RESTART,
    /** {@link invs.spec.FlashFault}: the next flash operation fails. */
    FLASH_FAULT
}
