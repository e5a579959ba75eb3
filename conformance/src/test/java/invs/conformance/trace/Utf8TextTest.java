package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void validTextIsDecodedAsIs() {
        assertEquals("plain", Utf8Text.decode("plain".getBytes(StandardCharsets.UTF_8)));
        assertEquals("grüße ✓", Utf8Text.decode("grüße ✓".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInvalidByteIsNamedByItsPlace() {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xff, 'd'};
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> Utf8Text.decode(bytes));
        assertEquals("not valid UTF-8 at byte 4", e.getMessage());
        byte[] cut = {'x', (byte) 0xc3};
        assertEquals("not valid UTF-8 at byte 2",
                assertThrows(TraceFormatException.class, () -> Utf8Text.decode(cut)).getMessage());
    }

    @Test
    void printableTextEscapesControlCharactersAndIsCut() {
        assertEquals("\\u001b[2J\\u0007bell\\n\\u0000", Utf8Text.printable("\u001b[2J\u0007bell\n\u0000", 100));
        assertEquals("\\u202eevil", Utf8Text.printable("\u202eevil", 100), "bidirectional overrides are escaped");
        assertEquals("abc…", Utf8Text.printable("abcdef", 3));
        assertEquals("grüße", Utf8Text.printable("grüße", 100));
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() {
        assertEquals("{}", Utf8Text.withoutByteOrderMark("\uFEFF{}"));
        assertEquals("{}", Utf8Text.withoutByteOrderMark("{}"));
    }
}
