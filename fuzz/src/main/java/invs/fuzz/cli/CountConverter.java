package invs.fuzz.cli;

import picocli.CommandLine;

/**
 * Reads a count given in decimal, such as {@code --tries 3000}: a number too large for a count is named
 * as such ({@code '99999999999' is more than 2147483647}), not as "not an int"; the option's own range is
 * checked after.
 */
public final class CountConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        long count;
        try {
            count = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (count > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("'" + value + "' is more than " + Integer.MAX_VALUE);
        }
        if (count < Integer.MIN_VALUE) {
            throw new CommandLine.TypeConversionException("'" + value + "' is less than " + Integer.MIN_VALUE);
        }
        return (int) count;
    }
}
