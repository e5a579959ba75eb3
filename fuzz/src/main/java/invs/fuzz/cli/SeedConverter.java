package invs.fuzz.cli;

import picocli.CommandLine;

import java.util.SplittableRandom;

/**
 * Reads a 64-bit seed: decimal (signed, or unsigned up to 2^64-1, so that {@code -1} and
 * {@code 18446744073709551615} are the same seed, printed {@code 0xffffffffffffffff}), {@code 0x}
 * hexadecimal (all 64 bits), or {@code random} for a new one.
 */
public final class SeedConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase("random")) {
            return new SplittableRandom().nextLong();
        }
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a seed (a number, 0x-hexadecimal, or random)");
        }
    }
}
