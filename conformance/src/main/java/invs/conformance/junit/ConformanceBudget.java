package invs.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The budget of a {@link ConformanceContract} subclass. The system properties {@code invs.tries},
 * {@code invs.steps}, {@code invs.seconds} and {@code invs.seed} (a number, {@code 0x}-hexadecimal, or
 * {@code random}) override it; without either, the defaults below apply and the seed is fixed, so CI runs
 * are reproducible.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConformanceBudget {
    /** Sequences per configuration and property group. */
    int tries() default 60;

    /** Inputs per sequence. */
    int steps() default 150;

    /** Wall-clock limit per configuration, in seconds. */
    long seconds() default 30;

    /** The seed; {@code "random"} for a new one on every run. */
    String seed() default "0x50004";
}
