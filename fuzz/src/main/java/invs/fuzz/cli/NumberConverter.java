package invs.fuzz.cli;

import picocli.CommandLine;

/** Reads non-negative whole numbers in decimal or {@code 0x} hexadecimal, for example {@code 8192} or {@code 0x2000}. */
public final class NumberConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The number {@code text} names. @throws CommandLine.TypeConversionException when it names none */
    public static long parse(String text) {
        String value = text.trim().replace("_", "");
        try {
            long number = value.startsWith("0x") || value.startsWith("0X")
                    ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a number (decimal, or hexadecimal with 0x)");
        }
    }
}
