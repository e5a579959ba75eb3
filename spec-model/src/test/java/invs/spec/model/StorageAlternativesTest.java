package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Yield;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A write completed unseen that succeeded or failed is held as one state, its bytes failable
 * ({@link StorageAlternatives}): the frontier holds fewer states than the full set of consistent states,
 * allows exactly what the full set allows, and tells the two apart where a read or a reboot needs it.
 */
class StorageAlternativesTest {
    private static final AppId ALPHA = app(0);
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final int LENGTH = 4;

    /**
     * Two faults armed; alpha, subscribed to nothing, writes four bytes of 0xAB and allows a buffer to read
     * into; the kernel drains: the write succeeded, or failed with FAIL using a fault, its region allocated
     * or not.
     */
    private static Vector<Tuple2<Input, Observation>> unseenWrite() {
        return Vector.of(
                Tuple.of(new FlashFault(), Observation.quiet()),
                Tuple.of(new FlashFault(), Observation.quiet()),
                Tuple.of(new AllowReadOnly(ALPHA, 0, Bytes.filled(LENGTH, 0xAB)), Observation.success()),
                Tuple.of(Command.write(ALPHA, 0), Observation.success()),
                Tuple.of(new Drain(), Observation.quiet()),
                Tuple.of(new AllowReadWrite(ALPHA, 0, LENGTH), Observation.success()));
    }

    /** The full set and the frontier after {@code steps}. */
    private static Tuple2<PlainStates, Frontier> walk(Vector<Tuple2<Input, Observation>> steps) {
        return walk(DOC, steps);
    }

    /** The full set and the frontier of a board of {@code config} after {@code steps}. */
    private static Tuple2<PlainStates, Frontier> walk(Configuration config, Vector<Tuple2<Input, Observation>> steps) {
        Specification specification = new Specification(config);
        PlainStates plain = PlainStates.start(specification);
        Frontier frontier = Frontier.start(specification);
        for (Tuple2<Input, Observation> step : steps) {
            plain = plain.advance(step._1, step._2);
            frontier = frontier.advance(step._1, step._2).get();
        }
        return Tuple.of(plain, frontier);
    }

    @Test
    void aWriteThatSucceededOrFailedUnseenIsOneStateStandingForBoth() {
        Tuple2<PlainStates, Frontier> after = walk(unseenWrite());
        Vector<SystemState> full = after._1.states();
        Vector<SystemState> kept = after._2.states();
        assertEquals(3, full.size(), () -> "written, failed in its region, failed before allocating: " + full);
        assertEquals(2, kept.size(), () -> "" + kept);
        SystemState merged = kept.find(state -> StorageAlternatives.count(state.regions()) == 1).get();
        assertEquals(2, merged.armedFaults(), "the faults of the write that succeeded");
        assertEquals(HashSet.ofAll(full), HashSet.ofAll(kept.flatMap(FaultAlternatives::concrete)),
                "the states the frontier stands for are the full set's");
    }

    @Test
    void aReadAfterwardsShowsTheBytesWrittenOrAnyBytesTheFailureLeft() {
        Vector<Tuple2<Input, Observation>> read = unseenWrite().appendAll(Vector.of(
                Tuple.of(Command.read(ALPHA, 0), Observation.success()),
                Tuple.of(new Drain(), Observation.quiet())));
        Tuple2<PlainStates, Frontier> after = walk(read);
        for (int value : new int[] {0xAB, 0x00, 0x5C}) {
            Observation shown = new Observation.Yielded(Option.none(), Bytes.filled(LENGTH, value));
            boolean full = !after._1.advance(new Yield(ALPHA), shown).states().isEmpty();
            assertTrue(full, () -> "the full set allows " + shown);
            var next = after._2.advance(new Yield(ALPHA), shown);
            assertTrue(next.isRight(), () -> "the frontier refuses " + shown);
            // Bytes other than those written show the write failed: a fault was used (and the read may have
            // used another). The bytes written show either.
            boolean anyWithBoth = next.get().states().exists(state -> state.armedFaults() == 2);
            assertEquals(value == 0xAB, anyWithBoth, () -> "after " + shown + ": " + next.get().states());
        }
    }

    @Test
    void aReadAtAnyOffsetCompletesAsTheFullSetCompletesIt() {
        // A 64-bit kernel's offsets are unsigned 64-bit: one above 2^63 is a negative long, refused as out of bounds.
        for (long offset : new long[] {-2, 2, 2046, 2048, 1L << 40}) {
            Vector<Tuple2<Input, Observation>> read = unseenWrite().appendAll(Vector.of(
                    Tuple.of(Command.read(ALPHA, offset), Observation.success()),
                    Tuple.of(new Drain(), Observation.quiet())));
            Tuple2<PlainStates, Frontier> after = walk(DOC.withAddressWidth(AddressWidth.BITS_64), read);
            Vector<Observation> shown = after._1.allowed(new Yield(ALPHA)).map(outcome -> outcome.expected().example(0));
            for (Observation each : shown) {
                assertTrue(after._2.advance(new Yield(ALPHA), each).isRight(), () -> "offset " + offset + ": refuses " + each);
            }
        }
    }

    @Test
    void aRebootDisarmsTheFaultsSoTheFailureIsToldApartFirst() {
        Vector<Tuple2<Input, Observation>> rebooted = unseenWrite().appendAll(Vector.of(
                Tuple.of(new Reboot(0), Observation.quiet()),
                Tuple.of(new AllowReadWrite(ALPHA, 0, LENGTH), Observation.success()),
                Tuple.of(Command.read(ALPHA, 0), Observation.success()),
                Tuple.of(new Drain(), Observation.quiet())));
        Tuple2<PlainStates, Frontier> after = walk(rebooted);
        assertTrue(after._2.states().forAll(state -> StorageAlternatives.count(state.regions()) == 0),
                () -> "no fault is armed after a reboot: nothing failable is left " + after._2.states());
        Observation failedBytes = new Observation.Yielded(Option.none(), Bytes.filled(LENGTH, 0x00));
        assertTrue(after._2.advance(new Yield(ALPHA), failedBytes).isRight(), "the write may have failed before the reboot");
    }

    @Test
    void aFaultArmedKeepsTheStateWholeWhileTheFaultsCoverItsFailableBytes() {
        Frontier frontier = walk(unseenWrite())._2;
        Frontier armed = frontier.advance(new FlashFault(), Observation.quiet()).get();
        assertEquals(frontier.states().size(), armed.states().size());
        assertEquals(frontier.states().map(state -> state.armedFaults() + 1), armed.states().map(SystemState::armedFaults));
    }
}
