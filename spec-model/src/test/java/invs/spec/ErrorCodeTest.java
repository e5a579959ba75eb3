package invs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** Status words name their error codes, and only numbers TRD104 gives a code name one. */
class ErrorCodeTest {

    @Test
    void everyCodeIsFoundByItsNumber() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(Option.some(code), ErrorCode.ofNumber(code.number()), code::name);
        }
        assertEquals(Option.some(ErrorCode.FAIL), ErrorCode.ofNumber(1));
        assertEquals(Option.some(ErrorCode.NOACK), ErrorCode.ofNumber(13));
    }

    @Test
    void numbersWithoutACodeFindNone() {
        for (long number : new long[] {0, 14, -1, 255, (1L << 32) + 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(Option.none(), ErrorCode.ofNumber(number), () -> "number " + number);
        }
    }

    @Test
    void statusNamesSaySuccessTheCodeOrTheNumber() {
        assertEquals("SUCCESS", ErrorCode.statusName(0));
        assertEquals("BUSY", ErrorCode.statusName(2));
        assertEquals("status 14", ErrorCode.statusName(14));
    }
}
