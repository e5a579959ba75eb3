package invs.impl.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegionHeaderTest {
    private static final byte[] WORKED_EXAMPLE = {
        0x00, 0x08, 0x00, 0x01, 0x78, 0x56, 0x34, 0x12, 0x78, 0x5E, 0x34, 0x13};

    @Test
    void encodesTheWorkedExampleOfTheCapsuleDocument() {
        assertArrayEquals(WORKED_EXAMPLE, new RegionHeader(2048, 0x12345678).bytes());
    }

    @Test
    void decodesTheWorkedExample() {
        assertEquals(Optional.of(new RegionHeader(2048, 0x12345678)), RegionHeader.decode(WORKED_EXAMPLE, 0));
    }

    @Test
    void encodesAtAnOffset() {
        byte[] out = new byte[20];
        new RegionHeader(2048, 0x12345678).encode(out, 5);
        assertArrayEquals(WORKED_EXAMPLE, Arrays.copyOfRange(out, 5, 17));
        assertEquals(0, out[4]);
    }

    @Test
    void erasedAndZeroedFlashAreNotHeaders() {
        byte[] erased = new byte[12];
        Arrays.fill(erased, (byte) 0xFF);
        assertTrue(RegionHeader.decode(erased, 0).isEmpty());
        assertTrue(RegionHeader.decode(new byte[12], 0).isEmpty());
    }

    @Test
    void aWrongVersionOrCheckIsInvalid() {
        byte[] version = WORKED_EXAMPLE.clone();
        version[3] = 0x02;
        version[11] = 0x12; // check recomputed for version 2: still not version 1
        assertTrue(RegionHeader.decode(version, 0).isEmpty());
        byte[] check = WORKED_EXAMPLE.clone();
        check[8] ^= 1;
        assertTrue(RegionHeader.decode(check, 0).isEmpty());
        byte[] owner = WORKED_EXAMPLE.clone();
        owner[4] ^= 1;
        assertTrue(RegionHeader.decode(owner, 0).isEmpty());
    }

    @Test
    void roundTripsExtremes() {
        for (RegionHeader header : new RegionHeader[] {
                new RegionHeader(0, 0), new RegionHeader(RegionHeader.MAX_LENGTH, -1), new RegionHeader(1, 0x80000000)}) {
            assertEquals(Optional.of(header), RegionHeader.decode(header.bytes(), 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new RegionHeader(RegionHeader.MAX_LENGTH + 1, 1));
    }
}
