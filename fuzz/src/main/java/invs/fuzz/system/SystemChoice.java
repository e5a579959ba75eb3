package invs.fuzz.system;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestProvider;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.fuzz.cli.UserError;
import invs.fuzz.protocol.ExternalProvider;
import invs.fuzz.protocol.ProtocolFailure;
import invs.fuzz.protocol.Reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which implementation a command tests: the reference implementation, a bug-zoo mutant, another
 * {@link SystemUnderTestProvider} on the class path, or an external server speaking the out-of-process
 * protocol. A value, so that it can be shown as command-line flags (for reproduction commands) and passed
 * to a child JVM ({@link #encode()}, for guided fuzzing).
 */
public sealed interface SystemChoice {
    /** The default timeout of one protocol request. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** The default time a server has to start and answer hello. */
    Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);

    /** A short name for reports and trace file names, for example {@code reference} or {@code mutant-busy-global}. */
    String label();

    /** The command-line flags that select this system (none for the reference). */
    List<String> flags();

    /** Makes the factory: finds the mutant or provider, or starts and greets a server. @throws UserError */
    OpenSystem open();

    /** A one-line encoding, read back by {@link #decode}. */
    String encode();

    /** What {@link #open()} does that may take long, for the command to tell the user first; none when nothing. */
    default String preparation() {
        return "";
    }

    /** The reference implementation, in process. */
    record Reference() implements SystemChoice {
        @Override
        public String label() {
            return ReferenceProvider.NAME;
        }

        @Override
        public List<String> flags() {
            return List.of();
        }

        @Override
        public OpenSystem open() {
            return new OpenSystem(this, new ReferenceProvider(), "the reference implementation (in process)", () -> {
            });
        }

        @Override
        public String encode() {
            return "reference";
        }
    }

    /**
     * A mutant of the bug zoo.
     *
     * @param name the mutant's name
     */
    record ZooMutant(String name) implements SystemChoice {
        @Override
        public String label() {
            return "mutant-" + name;
        }

        @Override
        public List<String> flags() {
            return List.of("--mutant", name);
        }

        @Override
        public OpenSystem open() {
            Mutant mutant = Zoo.named(name).getOrElseThrow(() -> new UserError("no mutant called '" + name
                    + "' in the bug zoo; 'invs systems' lists them"));
            return new OpenSystem(this, mutant, "bug-zoo mutant " + name + ": " + mutant.description(), () -> {
            });
        }

        @Override
        public String encode() {
            return "mutant:" + name;
        }
    }

    /**
     * A {@link SystemUnderTestProvider} on the class path.
     *
     * @param name the provider's name
     */
    record Provided(String name) implements SystemChoice {
        @Override
        public String label() {
            return name;
        }

        @Override
        public List<String> flags() {
            return List.of("--sut", name);
        }

        @Override
        public OpenSystem open() {
            SystemUnderTestProvider provider = SystemUnderTestProvider.named(name).getOrElseThrow(() -> new UserError(
                    "no system under test called '" + name + "' on the class path; 'invs systems' lists them"
                            + " (INVS_CLASSPATH=your.jar ./invs … adds yours)"));
            return new OpenSystem(this, provider, provider.name() + ": " + provider.description(), () -> {
            });
        }

        @Override
        public String encode() {
            return "provider:" + name;
        }
    }

    /**
     * A server started with a shell command, speaking the out-of-process protocol.
     *
     * @param command      the shell command
     * @param timeout      the time each request may take
     * @param startTimeout the time the server may take to start and answer hello
     * @param fresh        whether every sequence gets a new server process (instead of a reset)
     * @param oneAtATime   whether every request waits for the reply to the one before, even when the server
     *                     announces pipelining
     * @param noExtensions whether hello asks for no protocol extension (every buffer is then written in full)
     */
    record External(String command, Duration timeout, Duration startTimeout, boolean fresh, boolean oneAtATime,
                    boolean noExtensions) implements SystemChoice {
        @Override
        public String label() {
            return "external";
        }

        @Override
        public List<String> flags() {
            List<String> flags = new ArrayList<>(List.of("--sut-command", command));
            if (!timeout.equals(DEFAULT_TIMEOUT)) {
                flags.addAll(List.of("--sut-timeout", timeout.toMillis() + "ms"));
            }
            if (!startTimeout.equals(DEFAULT_START_TIMEOUT)) {
                flags.addAll(List.of("--sut-start-timeout", startTimeout.toMillis() + "ms"));
            }
            if (fresh) {
                flags.add("--sut-fresh");
            }
            if (oneAtATime) {
                flags.add("--sut-no-pipelining");
            }
            if (noExtensions) {
                flags.add("--sut-no-extensions");
            }
            return flags;
        }

        @Override
        public OpenSystem open() {
            ExternalProvider provider = new ExternalProvider(command, timeout, startTimeout, fresh, !oneAtATime, !noExtensions);
            Reply.Hello hello;
            try {
                hello = provider.preflight();
            } catch (ProtocolFailure failure) {
                provider.close();
                throw new UserError("cannot use the server `" + command + "`: " + failure.getMessage()
                        .replace("\n    ", " | "));
            }
            String capabilities = hello.capabilities().isEmpty() ? "no environment events"
                    : String.join(", ", hello.capabilities().stream().map(Reply::name).toList());
            return new OpenSystem(this, provider, "server `" + command + "`"
                    + (hello.server().isEmpty() ? "" : " (" + hello.server() + ")") + ", protocol " + hello.protocol()
                    + ", capabilities: " + capabilities + (fresh ? ", a new process per sequence" : "")
                    + (oneAtATime && hello.pipelining() > 1 ? ", one request at a time (announces pipelining)" : "")
                    + (hello.sameBuffer() ? ", leaves out buffers shown again (same-buffer)" : "")
                    + hello.profile().map(reading -> ", announces the " + reading.name().toLowerCase(java.util.Locale.ROOT)
                    + " reading").getOrElse(""), provider, hello.profile());
        }

        @Override
        public String encode() {
            return "command:" + timeout.toMillis() + ":" + startTimeout.toMillis() + ":" + fresh + ":" + oneAtATime
                    + ":" + noExtensions + ":" + command;
        }
    }

    /**
     * The upstream Tock capsule in the host harness of {@code impl/tock-harness}, served over the protocol:
     * built with cargo first when needed (against {@code $INVS_TOCK_DIR}, else the shared Tock tree).
     *
     * @param timeout the time each request may take
     */
    record TockCapsule(Duration timeout) implements SystemChoice {
        /** The name that selects it: {@code --sut tock-capsule}. */
        public static final String NAME = "tock-capsule";

        @Override
        public String label() {
            return NAME;
        }

        @Override
        public List<String> flags() {
            return timeout.equals(DEFAULT_TIMEOUT) ? List.of("--sut", NAME)
                    : List.of("--sut", NAME, "--sut-timeout", timeout.toMillis() + "ms");
        }

        @Override
        public OpenSystem open() {
            String serve = TockHarness.build();
            OpenSystem served = new External(serve, timeout, DEFAULT_START_TIMEOUT, false, false, false).open();
            return new OpenSystem(this, served.factory(), "the upstream Tock capsule (impl/tock-harness), "
                    + served.description(), served.resources(), served.profile());
        }

        @Override
        public String encode() {
            return "tock:" + timeout.toMillis();
        }

        @Override
        public String preparation() {
            return "building the Tock harness with cargo when needed (the first build takes minutes)";
        }
    }

    /** The system {@link #encode()} wrote. @throws UserError when {@code text} is not an encoding */
    static SystemChoice decode(String text) {
        String[] parts = text.split(":", 2);
        return switch (parts[0]) {
            case "reference" -> new Reference();
            case "mutant" -> new ZooMutant(parts[1]);
            case "provider" -> new Provided(parts[1]);
            case "tock" -> new TockCapsule(Duration.ofMillis(Long.parseLong(parts[1])));
            case "command" -> {
                String[] fields = parts[1].split(":", 6);
                if (fields.length < 6) {
                    throw new UserError("not a system encoding: " + text);
                }
                yield new External(fields[5], Duration.ofMillis(Long.parseLong(fields[0])),
                        Duration.ofMillis(Long.parseLong(fields[1])), Boolean.parseBoolean(fields[2]),
                        Boolean.parseBoolean(fields[3]), Boolean.parseBoolean(fields[4]));
            }
            default -> throw new UserError("not a system encoding: " + text);
        };
    }
}
