package invs.fuzz.system;

import invs.fuzz.cli.DurationConverter;
import invs.fuzz.cli.UserError;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The options that choose the system under test: an implementation this process runs
 * ({@link ImplementationOptions}), or a server in another process and how it is driven; shared by
 * {@code fuzz}, {@code replay} and {@code explore}.
 */
public final class SystemOptions {
    @Mixin
    private ImplementationOptions implementation;

    @Option(names = "--sut-command", paramLabel = "COMMAND",
            description = "Test an implementation in another process: a shell command starting a server that speaks"
                    + " the out-of-process protocol (docs/protocol.md) on its standard input and output.")
    private String command;

    @Option(names = "--sut-start-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --sut-command: how long a server may take to start and answer hello (default: 20s).")
    private Duration startTimeout;

    @Option(names = "--sut-fresh",
            description = "With --sut-command: start a new server process for every sequence instead of sending reset.")
    private boolean fresh;

    @Option(names = "--sut-no-pipelining",
            description = "With --sut-command: send one request at a time and wait for its reply, even to a server"
                    + " that announces pipelining.")
    private boolean oneAtATime;

    @Option(names = "--sut-no-extensions",
            description = "With --sut-command: ask the server for no protocol extension (docs/protocol.md, section 8):"
                    + " it then writes every yield's buffer in full.")
    private boolean noExtensions;

    /** The system these options choose. @throws UserError when they contradict each other */
    public SystemChoice spec() {
        if (implementation.given() + (command != null ? 1 : 0) > 1) {
            throw new UserError("choose one system under test: --mutant, --sut or --sut-command");
        }
        if (command != null && command.isBlank()) {
            throw new UserError("--sut-command needs a command");
        }
        boolean tock = implementation.tockCapsule();
        Duration timeout = implementation.timeout();
        if (command == null && (!tock && timeout != null || startTimeout != null || fresh || oneAtATime || noExtensions)) {
            throw new UserError((timeout != null ? "--sut-timeout" : startTimeout != null ? "--sut-start-timeout"
                    : fresh ? "--sut-fresh" : oneAtATime ? "--sut-no-pipelining" : "--sut-no-extensions")
                    + " applies to a server: it needs --sut-command");
        }
        Duration requestTimeout = timeout == null ? SystemChoice.DEFAULT_TIMEOUT : timeout;
        Duration helloTimeout = startTimeout == null ? SystemChoice.DEFAULT_START_TIMEOUT : startTimeout;
        if (requestTimeout.isZero() || helloTimeout.isZero()) {
            throw new UserError("--sut-timeout and --sut-start-timeout must be positive");
        }
        if (command != null) {
            return new SystemChoice.External(command, requestTimeout, helloTimeout, fresh, oneAtATime, noExtensions);
        }
        return implementation.spec(requestTimeout);
    }
}
