package invs.fuzz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The host's share of the processor time between two readings, and a plain answer when it is not known. */
class HostStealTest {
    @Test
    void theShareIsTheStealOverAllTheTimeBetweenTheReadings() {
        assertEquals("steal 5.0%", new HostSteal(60, 2000).since(new HostSteal(10, 1000)));
        assertEquals("steal 0.0%", new HostSteal(10, 2000).since(new HostSteal(10, 1000)));
        assertEquals("steal not known", new HostSteal(10, 1000).since(new HostSteal(0, 0)));
        assertEquals("steal not known", new HostSteal(10, 1000).since(new HostSteal(10, 1000)));
    }

    @Test
    void onLinuxTheCountersAreRead() {
        HostSteal now = HostSteal.now();
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertTrue(now.total() > 0 && now.steal() >= 0 && now.steal() <= now.total(), now::toString);
        } else {
            assertEquals(new HostSteal(0, 0), now);
        }
    }
}
