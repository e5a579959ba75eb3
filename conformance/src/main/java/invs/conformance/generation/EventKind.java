package invs.conformance.generation;

import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Tick;
import invs.spec.Unsubscribe;

/**
 * Kinds of input a swarm may leave out of a try (drains, allows, commands and yields always stay: without
 * them nothing can be observed).
 */
public enum EventKind {
    /** Power cycles without tearing. */
    REBOOT("reboots"),
    /** Power cycles that cut a flash operation. */
    TORN_REBOOT("torn reboots"),
    /** Process restarts. */
    RESTART("restarts"),
    /** Injected flash faults. */
    FLASH_FAULT("flash faults"),
    /** Ticks: without them, operations progress only at drains. */
    TICK("ticks"),
    /** Unsubscribes. */
    UNSUBSCRIBE("unsubscribes");

    private final String description;

    EventKind(String description) {
        this.description = description;
    }

    /** The kind of {@code input}, if it is one a swarm may leave out. */
    static EventKind of(Input input) {
        return switch (input) {
            case Reboot reboot -> reboot.tornBytes() > 0 ? TORN_REBOOT : REBOOT;
            case Restart restart -> RESTART;
            case FlashFault fault -> FLASH_FAULT;
            case Tick tick -> TICK;
            case Unsubscribe unsubscribe -> UNSUBSCRIBE;
            default -> null;
        };
    }

    /** The kind in a few words, plural. */
    public String description() {
        return description;
    }
}
