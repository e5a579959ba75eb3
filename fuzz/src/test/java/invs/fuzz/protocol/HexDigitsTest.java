package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import invs.spec.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Every byte value written as two lower-case digits, high digit first, where asked, and read back. */
class HexDigitsTest {
    @Test
    void everyByteIsWrittenAsItsTwoLowerCaseDigitsAndReadBack() {
        byte[] all = new byte[256];
        for (int value = 0; value < 256; value++) {
            all[value] = (byte) value;
        }
        for (int at : new int[]{0, 1, 7}) { // at any offset, aligned or not
            byte[] out = new byte[at + 2 * all.length + 1];
            out[out.length - 1] = '"';
            assertEquals(at + 2 * all.length, HexDigits.encode(Bytes.of(all), out, at));
            assertEquals(HexFormat.of().formatHex(all), new String(out, at, 2 * all.length, StandardCharsets.US_ASCII));
            for (int before = 0; before < at; before++) {
                assertEquals(0, out[before], "nothing written before the offset");
            }
            assertArrayEquals(all, HexDigits.decode(out, at, HexDigits.LOWER_CASE));
        }
        byte[] empty = new byte[3];
        assertEquals(2, HexDigits.encode(Bytes.empty(), empty, 2));
        assertArrayEquals(new byte[3], empty);
    }
}
