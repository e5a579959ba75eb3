package invs.fuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConvertersTest {
    @Test
    void durationsLongerThanTheLongestMeanNoLimitAndNeverOverflow() {
        assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1500ms"));
        assertEquals(Duration.ofHours(2), DurationConverter.parse("2h"));
        assertEquals(DurationConverter.LONGEST, DurationConverter.parse("3000000h"));
        assertEquals(DurationConverter.LONGEST, DurationConverter.parse("99999999999999999999999h"));
        assertEquals(DurationConverter.LONGEST.toNanos(), DurationConverter.parse("100000h").toNanos());
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("-1s"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("soon"));
    }

    @Test
    void secondsAsANumberAreClampedAndNaNIsRefused() {
        assertEquals(Duration.ofMillis(2500), DurationConverter.ofSeconds(2.5, "--seconds"));
        assertEquals(DurationConverter.LONGEST, DurationConverter.ofSeconds(Double.POSITIVE_INFINITY, "--seconds"));
        assertEquals(DurationConverter.LONGEST, DurationConverter.ofSeconds(9_999_999_999d, "--seconds"));
        assertEquals("--seconds: 'NaN' is not a number of seconds",
                assertThrows(UserError.class, () -> DurationConverter.ofSeconds(Double.NaN, "--seconds")).getMessage());
        assertThrows(UserError.class, () -> DurationConverter.ofSeconds(-1, "--seconds"));
    }

    @Test
    void aSeedIsAnySixtyFourBitValueSignedOrUnsigned() {
        SeedConverter seeds = new SeedConverter();
        assertEquals(-1L, seeds.convert("18446744073709551615"));
        assertEquals(-1L, seeds.convert("-1"));
        assertEquals(-1L, seeds.convert("0xffffffffffffffff"));
        assertEquals(Long.MIN_VALUE, seeds.convert("9223372036854775808"));
        assertEquals(Long.MIN_VALUE, seeds.convert("-9223372036854775808"));
        assertEquals(0x50004L, seeds.convert("327684"));
        assertThrows(CommandLine.TypeConversionException.class, () -> seeds.convert("18446744073709551616"));
        assertThrows(CommandLine.TypeConversionException.class, () -> seeds.convert("-9223372036854775809"));
        assertThrows(CommandLine.TypeConversionException.class, () -> seeds.convert("seven"));
    }

    @Test
    void sizesTakeBinaryUnits() {
        assertEquals(4L << 20, SizeConverter.parse("4M"));
        assertEquals(512L << 10, SizeConverter.parse("512KiB"));
        assertEquals(1L << 30, SizeConverter.parse("1g"));
        assertEquals(4096, SizeConverter.parse("0x1000"));
        assertEquals(1000, SizeConverter.parse("1000"));
        assertThrows(CommandLine.TypeConversionException.class, () -> SizeConverter.parse("4 parsecs"));
        assertThrows(CommandLine.TypeConversionException.class, () -> SizeConverter.parse("99999999999999G"));
    }
}
