package invs.conformance.generation;

import invs.conformance.board.StandardConfigurations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.sut.Capability;
import invs.spec.Event;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

class InputGeneratorTest {
    private static Vector<Input> generate(Set<Capability> capabilities, long seed, int count) {
        InputGenerator generator = new InputGenerator(StandardConfigurations.docDefault().configuration(),
                capabilities, seed);
        Vector<Input> inputs = Vector.empty();
        for (int i = 0; i < count; i++) {
            Input input = generator.next();
            generator.observe(input, Observation.quiet());
            inputs = inputs.append(input);
        }
        return inputs;
    }

    @Test
    void theSameSeedGivesTheSameInputs() {
        Set<Capability> all = EnumSet.allOf(Capability.class);
        assertEquals(generate(all, 5, 500), generate(all, 5, 500));
        assertNotEquals(generate(all, 5, 500), generate(all, 6, 500));
    }

    @Test
    void eventsOutsideTheCapabilitiesAreNeverGenerated() {
        Vector<Input> inputs = generate(EnumSet.noneOf(Capability.class), 3, 2000);
        assertTrue(inputs.forAll(input -> !(input instanceof Event)), "no events at all");
        Vector<Input> untorn = generate(EnumSet.complementOf(EnumSet.of(Capability.TORN_REBOOT)), 3, 3000);
        assertTrue(untorn.exists(input -> input instanceof Reboot));
        assertTrue(untorn.forAll(input -> !(input instanceof Reboot reboot) || reboot.tornBytes() == 0));
    }

    @Test
    void capabilitiesOfInputs() {
        assertEquals(io.vavr.control.Option.some(Capability.TORN_REBOOT), Capability.neededBy(new Reboot(3)));
        assertEquals(io.vavr.control.Option.some(Capability.REBOOT), Capability.neededBy(new Reboot(0)));
        assertEquals(io.vavr.control.Option.none(),
                Capability.neededBy(new invs.spec.Yield(invs.spec.AppId.of(0))));
    }
}
