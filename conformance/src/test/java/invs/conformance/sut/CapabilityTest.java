package invs.conformance.sut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.control.Option;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A system is sent an event only when it announces the capability the event needs; a system call always. */
class CapabilityTest {
    private static final List<Input> INPUTS = List.of(new Command(AppId.of(0), 1, 0, 0), new Yield(AppId.of(1)),
            new Tick(), new Drain(), new Reboot(0), new Reboot(3), new Restart(AppId.of(0)), new FlashFault());
    /** The capability each of {@link #INPUTS} needs (null: none). */
    private static final List<Capability> NEEDED = java.util.Arrays.asList(null, null, Capability.TICK, Capability.DRAIN,
            Capability.REBOOT, Capability.TORN_REBOOT, Capability.RESTART, Capability.FLASH_FAULT);

    @Test
    void anInputIsAllowedExactlyWhenTheCapabilityItNeedsIsAnnounced() {
        Capability[] all = Capability.values();
        for (int subset = 0; subset < 1 << all.length; subset++) {
            Set<Capability> announced = EnumSet.noneOf(Capability.class);
            for (int bit = 0; bit < all.length; bit++) {
                if ((subset & 1 << bit) != 0) {
                    announced.add(all[bit]);
                }
            }
            for (int at = 0; at < INPUTS.size(); at++) {
                Input input = INPUTS.get(at);
                Capability needed = NEEDED.get(at);
                assertEquals(Option.of(needed), Capability.neededBy(input), input::toString);
                assertEquals(needed == null || announced.contains(needed), Capability.allows(announced, input),
                        input + " with " + announced);
            }
        }
    }

    @Test
    void systemCallsNeedNothingAndATornRebootNeedsItsOwnCapability() {
        Set<Capability> none = EnumSet.noneOf(Capability.class);
        assertTrue(Capability.allows(none, INPUTS.get(0)));
        assertTrue(Capability.allows(none, INPUTS.get(1)));
        assertFalse(Capability.allows(none, new Tick()));
        assertTrue(Capability.allows(EnumSet.of(Capability.REBOOT), new Reboot(0)));
        assertFalse(Capability.allows(EnumSet.of(Capability.REBOOT), new Reboot(3)));
        assertTrue(Capability.allows(EnumSet.of(Capability.TORN_REBOOT), new Reboot(3)));
        assertFalse(Capability.allows(EnumSet.of(Capability.TORN_REBOOT), new Reboot(0)));
    }
}
