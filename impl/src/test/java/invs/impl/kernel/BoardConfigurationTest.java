package invs.impl.kernel;

import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BoardConfigurationTest {
    @Test
    void defaults() {
        BoardConfiguration c = BoardConfiguration.defaults();
        assertEquals(8192, c.storageLength());
        assertEquals(2048, c.regionSize());
        assertEquals(4096, c.pageSize());
        assertEquals(512, c.kernelBufferSize());
        assertEquals(32, c.addressWidth());
        assertFalse(c.tockCompatible());
        assertEquals(List.of(ProcessConfiguration.selfOnly(1), ProcessConfiguration.selfOnly(2)), c.apps());
        assertEquals(2, c.layout().storagePages());
        assertEquals(5, c.layout().flashPages(), "two storage pages, scratch, two journal pages");
    }

    @Test
    void theStorageAreaTakesWholePages() {
        BoardConfiguration c = BoardConfiguration.defaults().withStorageLength(5000);
        assertEquals(2, c.layout().storagePages());
        assertEquals(2, c.layout().scratchPage());
        assertEquals(4, c.layout().journalPage(1));
    }

    @Test
    void withersChangeOneField() {
        BoardConfiguration c = BoardConfiguration.defaults().withRegionSize(100).withAddressWidth(64)
                .withTockCompatible(true).withKernelBufferSize(64).withPageSize(256).withApps(ProcessConfiguration.selfOnly(3));
        assertEquals(new BoardConfiguration(8192, 100, 256, 64, 64, true, List.of(ProcessConfiguration.selfOnly(3)),
                Optional.empty()), c);
    }

    @Test
    void anEmptyStorageAreaIsABoardWithoutRoomForRegions() {
        BoardConfiguration empty = BoardConfiguration.defaults().withStorageLength(0);
        assertEquals(0, empty.layout().storagePages());
    }

    @Test
    void rejectsNonsense() {
        BoardConfiguration d = BoardConfiguration.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withStorageLength(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withRegionSize(0));
        assertThrows(IllegalArgumentException.class, () -> d.withRegionSize(1 << 24));
        assertThrows(IllegalArgumentException.class, () -> d.withPageSize(100));
        assertThrows(IllegalArgumentException.class, () -> d.withPageSize(32));
        assertThrows(IllegalArgumentException.class, () -> d.withKernelBufferSize(0));
        assertThrows(IllegalArgumentException.class, () -> d.withAddressWidth(16));
    }
}
