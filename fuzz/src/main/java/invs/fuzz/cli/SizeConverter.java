package invs.fuzz.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes in bytes: a number (decimal, or hexadecimal with {@code 0x}), or a number followed by
 * {@code K}, {@code M} or {@code G} (also written {@code KiB}, {@code MiB}, {@code GiB}; powers of 1024),
 * for example {@code 4M} or {@code 512KiB}.
 */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*([kmg])(ib)?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The size {@code text} names. @throws CommandLine.TypeConversionException when it names none */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            try {
                return NumberConverter.parse(text);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a size (bytes, or with K, M or G,"
                        + " for example 4M)");
            }
        }
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
        return Long.parseLong(matcher.group(1)) << shift;
    }
}
