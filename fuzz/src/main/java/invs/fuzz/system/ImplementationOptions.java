package invs.fuzz.system;

import invs.fuzz.cli.DurationConverter;
import invs.fuzz.cli.UserError;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The options that choose an implementation this process runs (the reference, a bug-zoo mutant, or a
 * provider on the class path, such as the Tock capsule's harness) and how long that harness, or a server, may
 * take to answer: all {@code serve} takes, and part of {@link SystemOptions}.
 */
public final class ImplementationOptions {
    @Option(names = "--mutant", paramLabel = "NAME",
            description = "Test this bug-zoo mutant of the reference implementation ('invs systems' lists them).")
    private String mutant;

    @Option(names = "--sut", paramLabel = "NAME",
            description = "Test the system-under-test provider of this name found on the class path (default: reference);"
                    + " tock-capsule: the upstream Tock capsule in the host harness of impl/tock-harness (needs cargo).")
    private String provider;

    @Option(names = "--sut-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --sut-command or --sut tock-capsule: how long the server (or the Tock capsule's harness)"
                    + " may take to answer one request (default: 2s).")
    private Duration timeout;

    /** How many of {@code --mutant} and {@code --sut} were given. */
    int given() {
        return (mutant != null ? 1 : 0) + (provider != null ? 1 : 0);
    }

    /** Whether {@code --sut tock-capsule} was given: a harness that bounds each answer by a timeout too. */
    boolean tockCapsule() {
        return SystemChoice.TockCapsule.NAME.equals(provider);
    }

    /** {@code --sut-timeout}, or null when not given. */
    Duration timeout() {
        return timeout;
    }

    /**
     * The implementation these options choose, for a command that runs no server ({@code serve}): the reference
     * when none is given.
     *
     * @throws UserError when both are given, or {@code --sut-timeout} without {@code --sut tock-capsule}
     */
    public SystemChoice spec() {
        if (timeout != null && !tockCapsule()) {
            throw new UserError("--sut-timeout bounds the answers of the Tock capsule's harness here: it needs --sut tock-capsule");
        }
        if (timeout != null && timeout.isZero()) {
            throw new UserError("--sut-timeout must be positive");
        }
        return spec(timeout == null ? SystemChoice.DEFAULT_TIMEOUT : timeout);
    }

    /**
     * The implementation these options choose, the reference when none is given; {@code timeout} bounds each
     * answer of the Tock capsule's harness.
     *
     * @throws UserError when both options are given
     */
    public SystemChoice spec(Duration timeout) {
        if (given() > 1) {
            throw new UserError("choose one system under test: --mutant or --sut");
        }
        if (mutant != null) {
            return new SystemChoice.ZooMutant(mutant);
        }
        if (tockCapsule()) {
            return new SystemChoice.TockCapsule(timeout);
        }
        if (provider != null && !provider.equals("reference")) {
            return new SystemChoice.Provided(provider);
        }
        return new SystemChoice.Reference();
    }
}
