package invs.conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestProvider;
import invs.impl.board.BoardConfiguration;
import invs.impl.kernel.Permissions;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

class ReferenceSystemTest {

    @Test
    void theReferenceIsFoundThroughTheServiceLoader() {
        SystemUnderTestProvider provider = SystemUnderTestProvider.named("reference").get();
        assertEquals(ReferenceProvider.class, provider.getClass());
        assertTrue(SystemUnderTestProvider.all().exists(found -> found.name().equals(ReferenceProvider.NAME)));
        assertTrue(SystemUnderTestProvider.named("no such system").isEmpty());
        assertFalse(provider.description().isBlank());
    }

    @Test
    void everyCapabilityIsSupported() {
        try (SystemUnderTest system = new ReferenceProvider().create(Configuration.defaults(Profile.DOC))) {
            assertEquals(EnumSet.allOf(Capability.class), system.capabilities());
        }
    }

    @Test
    void inputsAreAnsweredAsTheBoardAnswers() {
        Configuration configuration = Configuration.defaults(Profile.DOC);
        AppId alpha = AppId.of(0);
        SystemUnderTest system = new ReferenceSystem(configuration);
        assertEquals(Observation.success(), system.apply(new Subscribe(alpha, 1)));
        assertEquals(Observation.success(), system.apply(new AllowReadWrite(alpha, 0, 3)));
        assertEquals(Observation.failure(ErrorCode.NOSUPPORT), system.apply(new Command(alpha, 7, 0, 0)));
        assertEquals(Observation.failure(ErrorCode.NOSUPPORT), system.apply(Command.size(AppId.of(2))));
        assertEquals(Observation.success(), system.apply(Command.read(alpha, 0)));
        assertEquals(Observation.quiet(), system.apply(new Tick()));
        assertEquals(Observation.quiet(), system.apply(new Drain()));
        assertEquals(new Observation.Yielded(Option.some(Upcall.success(1, 3)), Bytes.fromHex("ffffff")),
                system.apply(new Yield(alpha)));
        assertEquals(new Observation.Yielded(Option.none(), Bytes.fromHex("ffffff")), system.apply(new Yield(alpha)));
    }

    @Test
    void configurationsMapOntoBoards() {
        BoardConfiguration doc = BoardMapping.of(Configuration.defaults(Profile.DOC));
        assertFalse(doc.tockCompatible());
        assertEquals(BoardMapping.DOC_CHUNK, doc.kernelBufferSize());
        assertEquals(new Permissions.NullPermissions(), doc.apps().get(2).permissions());
        BoardConfiguration tock = BoardMapping.of(Configuration.defaults(Profile.TOCK));
        assertTrue(tock.tockCompatible());
        assertEquals(512, tock.kernelBufferSize());
        BoardConfiguration fixed = BoardMapping.of(StandardConfigurations.docPermissions().configuration());
        assertEquals(new Permissions.FixedSize(0x2002, true, false, java.util.List.of(0x2002), java.util.List.of()),
                fixed.apps().get(1).permissions());
        assertEquals(new Permissions.KernelPermissions(), fixed.apps().get(5).permissions());
        assertEquals(64, BoardMapping.of(StandardConfigurations.wide(invs.spec.Profile.DOC).configuration()).addressWidth());
        Configuration limited = Configuration.defaults(Profile.DOC).withTransferLimit(Option.some(64));
        assertTrue(BoardMapping.unsupported(limited).isDefined());
        assertThrows(IllegalArgumentException.class, () -> BoardMapping.of(limited));
    }
}
