package invs.impl.kernel;

import invs.impl.board.BoardStatistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety of the whole board: the scripted workload is cut by a power failure at every tick (and
 * in the middle of the flash operation in progress, after several numbers of bytes); after reboot every
 * acknowledged write is intact, nothing outside an interrupted write changed, and an interrupted
 * allocation either happened or did not. Likewise with an injected flash fault before every tick. Run
 * with 4096-byte pages and with 256-byte pages (where the journal fills and switches pages).
 */
class CrashEveryTickTest {
    private static final int[] TORN_BYTES = {0, 1, 3, 12, 255, 700, 2059, 4095};

    /** A crash-free run: how many ticks it takes and where the regions are. */
    private record Reference(long ticks, Map<Integer, Integer> regions) {
        static Reference of(boolean smallPages) {
            ScriptedWorkload workload = new ScriptedWorkload(smallPages);
            assertTrue(workload.run(tick -> false));
            assertEquals(0, workload.failures);
            assertTrue(workload.tick > 100, "the workload has many crash points: " + workload.tick);
            BoardStatistics statistics = workload.board.statistics();
            assertTrue(statistics.erases() > 10, "the workload updates pages through the scratch page");
            if (smallPages) {
                int journal = workload.board.layout().journalPage(1);
                assertTrue(statistics.erasesPerPage().get(journal) > 0, "the journal switched pages");
            }
            Map<Integer, Integer> regions = workload.regionAddresses();
            workload.board.reboot(0);
            workload.verify(regions, "no crash");
            return new Reference(workload.tick, regions);
        }
    }

    @ParameterizedTest(name = "small pages: {0}")
    @ValueSource(booleans = {false, true})
    void powerFailureAtEveryTick(boolean smallPages) {
        Reference reference = Reference.of(smallPages);
        for (long crashAt = 0; crashAt <= reference.ticks(); crashAt++) {
            for (int torn : TORN_BYTES) {
                long at = crashAt;
                ScriptedWorkload workload = new ScriptedWorkload(smallPages);
                boolean finished = workload.run(tick -> tick == at);
                assertEquals(crashAt == reference.ticks(), finished);
                workload.powerCut(torn);
                workload.verify(reference.regions(), "crash at tick " + crashAt + " with " + torn + " torn bytes");
            }
        }
    }

    @ParameterizedTest(name = "small pages: {0}")
    @ValueSource(booleans = {false, true})
    void aSecondPowerFailureWhileRecovering(boolean smallPages) {
        Reference reference = Reference.of(smallPages);
        for (long crashAt = 0; crashAt < reference.ticks(); crashAt++) {
            for (int secondAfter = 1; secondAfter <= 8; secondAfter++) {
                long at = crashAt;
                ScriptedWorkload workload = new ScriptedWorkload(smallPages);
                workload.run(tick -> tick == at);
                workload.powerCut(TORN_BYTES[(int) (crashAt % TORN_BYTES.length)]);
                workload.board.command(0, 1, 0, 0); // the first use after boot: recovery, scan, allocation
                for (int t = 0; t < secondAfter; t++) {
                    workload.board.tick();
                }
                workload.powerCut(TORN_BYTES[secondAfter % TORN_BYTES.length]);
                workload.verify(reference.regions(), "crash at tick " + crashAt + ", again " + secondAfter + " ticks later");
            }
        }
    }

    @ParameterizedTest(name = "small pages: {0}")
    @ValueSource(booleans = {false, true})
    void aFlashFaultAtEveryTick(boolean smallPages) {
        Reference reference = Reference.of(smallPages);
        int failed = 0;
        for (long faultAt = 0; faultAt < reference.ticks(); faultAt++) {
            long at = faultAt;
            ScriptedWorkload workload = new ScriptedWorkload(smallPages);
            assertTrue(workload.run(tick -> {
                if (tick == at) {
                    workload.board.injectFault();
                }
                return false;
            }));
            assertTrue(workload.failures <= 1, "one fault fails at most one operation");
            failed += workload.failures;
            workload.verify(workload.regionAddresses(), "fault at tick " + faultAt);
            Map<Integer, Integer> addresses = workload.regionAddresses();
            workload.powerCut(0);
            workload.verify(addresses, "fault at tick " + faultAt + ", after reboot");
        }
        assertTrue(failed > reference.ticks() / 2, "most faults hit an operation: " + failed + " of " + reference.ticks());
    }
}
