package invs.fuzz.guided;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.generation.InputGenerator;
import invs.conformance.check.Property;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.zoo.Zoo;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Subscribe;
import invs.spec.Syscall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequenceDecoderTest {
    private static final AppId APP = AppId.of(0);
    private static final byte[] SIZE_QUERY = {(byte) 0x80, 10, 0, 0, 3, 0, 13, 0, 0, 0};
    private final SequenceDecoder decoder = new SequenceDecoder(StandardConfigurations.all(),
            EnumSet.allOf(Capability.class));

    @Test
    void bytesDecodeToTheDocumentedSequence() {
        DecodedSequence sequence = decoder.decode(SIZE_QUERY);
        assertEquals("doc-default", sequence.configuration().name());
        assertEquals(Vector.of(new Subscribe(APP, 0), Command.size(APP), new Drain(), new Yield(APP)), sequence.inputs());
        DecodedSequence subscribed = decoder.decode(new byte[] {0, 3, 0, 13, 0, 0, 0});
        Vector<Input> prelude = Vector.range(0, 3).flatMap(app -> Vector.range(0, 3)
                .map(number -> (Input) new Subscribe(AppId.of(app), number)));
        assertEquals(prelude.appendAll(sequence.inputs().drop(1)), subscribed.inputs());
        DecodedSequence writeRead = decoder.decode(new byte[] {(byte) 0x84, 8, 1, 9, 20, 0, 0x41, 3, 6, 1, 2, 9, 1, 9, 7, 0});
        assertEquals("tock-default", writeRead.configuration().name());
        byte[] data = new byte[21];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (0x41 + 3 * i);
        }
        assertEquals(Vector.of(new AllowReadOnly(AppId.of(1), 0, Bytes.of(data)), Command.write(AppId.of(1), 2048 - 21),
                new AllowReadWrite(AppId.of(1), 0, 8)), writeRead.inputs());
    }

    @Test
    void everyByteStringDecodesToValidInputsTheSameWayEveryTime() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 3000; round++) {
            byte[] data = new byte[random.nextInt(600)];
            random.nextBytes(data);
            DecodedSequence sequence = decoder.decode(data);
            assertEquals(sequence, decoder.decode(data.clone()));
            int apps = sequence.configuration().configuration().apps().size();
            assertTrue(sequence.inputs().size() <= SequenceDecoder.MAX_INPUTS);
            for (Input input : sequence.inputs()) {
                if (input instanceof Syscall syscall) {
                    assertTrue(syscall.app().slot() < apps, input + " on " + sequence.configuration());
                }
            }
        }
    }

    @Test
    void eventsTheSystemCannotTakeBecomeYields() {
        SequenceDecoder withoutEvents = new SequenceDecoder(StandardConfigurations.all(), EnumSet.noneOf(Capability.class));
        DecodedSequence sequence = withoutEvents.decode(SIZE_QUERY);
        assertEquals(new Yield(APP), sequence.inputs().get(2), "the drain");
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 500; round++) {
            byte[] data = new byte[200];
            random.nextBytes(data);
            assertTrue(withoutEvents.decode(data).inputs().forAll(input -> invs.conformance.sut.Capability.neededBy(input).isEmpty()));
        }
    }

    @Test
    void theCheckCatchesAMutantThatTheReferenceDoesNotShow() {
        Vector<Property> properties = Property.online();
        var reference = new SequenceCheck(new ReferenceProvider(), StandardConfigurations.all(), properties);
        var mutant = new SequenceCheck(Zoo.named("size-counts-header").get(), StandardConfigurations.all(), properties);
        assertTrue(reference.check(SIZE_QUERY).isEmpty());
        var violation = mutant.check(SIZE_QUERY);
        assertTrue(violation.isDefined());
        assertEquals("lockstep:SUBSCRIBE_0_SUCCESS", violation.get().key());
        assertEquals(3, violation.get().step());
    }
}
