package invs.conformance.sut;

import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Tick;
import io.vavr.control.Option;

import java.util.Set;

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
    FLASH_FAULT;

    /** The capability {@code input} needs, none for a system call (every system answers those). */
    public static Option<Capability> neededBy(Input input) {
        return Option.of(needed(input));
    }

    /** Whether a system with {@code capabilities} can be sent {@code input}. */
    public static boolean allows(Set<Capability> capabilities, Input input) {
        Capability needed = needed(input); // no Option and no lambda per input: this runs for each one sent
        return needed == null || capabilities.contains(needed);
    }

    /** The capability {@code input} needs, null for a system call. */
    private static Capability needed(Input input) {
        return switch (input) {
            case Tick tick -> TICK;
            case Drain drain -> DRAIN;
            case Reboot reboot -> reboot.tornBytes() > 0 ? TORN_REBOOT : REBOOT;
            case Restart restart -> RESTART;
            case FlashFault fault -> FLASH_FAULT;
            default -> null;
        };
    }
}
