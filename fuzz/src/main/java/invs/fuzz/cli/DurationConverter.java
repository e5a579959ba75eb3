package invs.fuzz.cli;

import picocli.CommandLine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations such as {@code 20s}, {@code 500ms}, {@code 2m}, {@code 1h}, or a plain number of seconds.
 * A duration longer than {@link #LONGEST} (100,000 hours, more than 11 years) means "no limit" and counts as
 * {@link #LONGEST}, so that deadlines computed from it never overflow.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /** The longest duration invs works with: 100,000 hours. */
    public static final Duration LONGEST = Duration.ofHours(100_000);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** The duration {@code text} names, at most {@link #LONGEST}. @throws CommandLine.TypeConversionException when it names none */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (for example 20s, 500ms, 2m, 1h)");
        }
        BigInteger amount = new BigInteger(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigInteger millis = amount.multiply(BigInteger.valueOf(switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        }));
        return millis.compareTo(BigInteger.valueOf(LONGEST.toMillis())) >= 0 ? LONGEST : Duration.ofMillis(millis.longValue());
    }

    /** {@code seconds} as a duration, at most {@link #LONGEST} (infinity included). @throws UserError for NaN or a negative number */
    public static Duration ofSeconds(double seconds, String option) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new UserError(option + ": '" + seconds + "' is not a number of seconds");
        }
        return seconds >= LONGEST.toSeconds() ? LONGEST : Duration.ofNanos((long) (seconds * 1e9));
    }

    /** {@code duration} the way {@link #parse} reads it, in the largest exact unit. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
