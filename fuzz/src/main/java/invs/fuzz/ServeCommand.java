package invs.fuzz;

import invs.conformance.sut.Capability;
import invs.conformance.trace.TraceLimits;
import invs.fuzz.system.ImplementationOptions;
import invs.fuzz.cli.TraceLimitOptions;
import invs.fuzz.cli.UserError;
import invs.fuzz.protocol.ClientOutput;
import invs.fuzz.protocol.ExternalProvider;
import invs.fuzz.protocol.ProtocolServer;
import invs.fuzz.system.OpenSystem;
import invs.fuzz.system.SystemChoice;
import invs.spec.Configuration;
import invs.spec.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code invs serve}: the reference implementation (or a bug-zoo mutant, or a provider {@code --sut} names) as
 * an out-of-process protocol server on standard input and output, so that the protocol and the external
 * adapter are tested end to end and other clients have a server to compare with.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the reference implementation (or a bug-zoo mutant, or the implementation --sut names, such as"
                + " the upstream Tock capsule's harness) over the out-of-process protocol"
                + " (docs/protocol.md): JSON requests on standard input, one JSON reply per line on standard output,"
                + " until a bye request or the end of the input.",
                "Try it: ./invs fuzz --sut-command './invs serve'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the client said bye or closed the input",
                "2:usage error, or the client's end of the conversation broke", "3:a bug of invs, or too little memory"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    private ImplementationOptions system;

    @Mixin
    private TraceLimitOptions limitOptions;

    @picocli.CommandLine.Option(names = "--reading", paramLabel = "doc|tock",
            description = "Serve one fixed behaviour: build every board under this reading of the driver document,"
                    + " whatever profile a configuration names, and announce it in hello (as real firmware would).")
    private String reading;

    @Override
    public Integer call() {
        TraceLimits limits = limitOptions.limits();
        SystemChoice chosen = system.spec();
        try (OpenSystem open = chosen.open()) {
            Set<Capability> capabilities = open.capabilities(Configuration.defaults(Profile.DOC)); // the default board's
            String name = ExternalProvider.CLIENT + " serving " + chosen.label();
            new ProtocolServer(name, open.factory(), capabilities, limits, fixedReading()).serve(System.in, new ClientOutput(System.out));
            return 0;
        } catch (UncheckedIOException e) {
            throw new UserError("the conversation with the client broke off: " + e.getCause().getMessage());
        }
    }

    private io.vavr.control.Option<Profile> fixedReading() {
        if (reading == null) {
            return io.vavr.control.Option.none();
        }
        return io.vavr.control.Option.some(switch (reading.toLowerCase(java.util.Locale.ROOT)) {
            case "doc" -> Profile.DOC;
            case "tock" -> Profile.TOCK;
            default -> throw new UserError("--reading: doc or tock, got '" + reading + "'");
        });
    }
}
