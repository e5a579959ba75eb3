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
        return switch (input) {
            case Tick tick -> Option.some(TICK);
            case Drain drain -> Option.some(DRAIN);
            case Reboot reboot -> Option.some(reboot.tornBytes() > 0 ? TORN_REBOOT : REBOOT);
            case Restart restart -> Option.some(RESTART);
            case FlashFault fault -> Option.some(FLASH_FAULT);
            default -> Option.none();
        };
    }

    /** Whether a system with {@code capabilities} can be sent {@code input}. */
    public static boolean allows(Set<Capability> capabilities, Input input) {
        // as neededBy(input).forAll(capabilities::contains), without an Option and a lambda per input
        return switch (input) {
            case Tick tick -> capabilities.contains(TICK);
            case Drain drain -> capabilities.contains(DRAIN);
            case Reboot reboot -> capabilities.contains(reboot.tornBytes() > 0 ? TORN_REBOOT : REBOOT);
            case Restart restart -> capabilities.contains(RESTART);
            case FlashFault fault -> capabilities.contains(FLASH_FAULT);
            default -> true;
        };
    }
}
