package invs.conformance.bench;

import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.CampaignListener;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Failure;
import invs.conformance.campaign.Finding;
import invs.conformance.campaign.Triage;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.generation.Swarm;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.trace.Trace;
import invs.conformance.trace.TraceCodec;
import invs.conformance.zoo.DefaultCampaign;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How the default campaign ({@code invs fuzz}: standard and generated boards, swarms, 20 s) groups the
 * findings of each zoo mutant into causes: for every mutant and every profile it is a bug under, the
 * causes reported, the rules broken, the time to kill (the first failing try), the shrunk length of each
 * cause's representative, the board it was found on, and the signatures; then the same campaign against
 * the reference, which must report none.
 *
 * <p>Arguments: {@code run [SECONDS [MUTANTS|all [DIR]]]} runs the campaigns (default 20 s each, every
 * mutant; with DIR, each campaign's traces are kept in {@code DIR/<mutant>-<profile>}); {@code regroup DIR}
 * groups the traces kept there again, without running campaigns (for working on the grouping).
 */
public final class ZooCausesBenchmark {
    private ZooCausesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[0].equals("regroup")) {
            regroup(Path.of(args[1]));
            return;
        }
        Duration time = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : DefaultCampaign.TIME.toSeconds());
        Vector<String> only = args.length > 2 && !args[2].equals("all") ? Vector.of(args[2].split(",")) : Vector.empty();
        Option<Path> traces = args.length > 3 ? Option.some(Path.of(args[3])) : Option.none();
        System.out.printf("default campaign: %d s per campaign, %d threads, standard and generated boards, swarms%n%n",
                time.toSeconds(), DefaultCampaign.threads());
        header();
        int mutants = 0;
        int single = 0;
        int killed = 0;
        for (Mutant mutant : Zoo.all()) {
            if (!only.isEmpty() && !only.contains(mutant.name())) {
                continue;
            }
            mutants++;
            boolean one = true;
            boolean all = true;
            for (Profile profile : mutant.bugIn()) {
                var campaign = DefaultCampaign.against(mutant.name(), mutant, profile, BoardMode.BOTH, time);
                if (traces.isDefined()) {
                    campaign.traces(traces.get().resolve(mutant.name() + "-" + label(profile)));
                }
                CampaignResult result = campaign.run();
                print(mutant.name(), profile, result.causes(), result.findings().size(),
                        result.findings().map(finding -> finding.foundAfter().toMillis()).min(),
                        String.format("%d tries, %d generated boards (%d refused)", result.tries(), result.generatedBoards(),
                                result.refusedGenerated()));
                one &= result.causes().size() == 1;
                all &= !result.causes().isEmpty();
            }
            single += one ? 1 : 0;
            killed += all ? 1 : 0;
        }
        if (only.isEmpty()) {
            for (Profile profile : Profile.values()) {
                CampaignResult result = DefaultCampaign.against("reference", new ReferenceProvider(), profile,
                        BoardMode.BOTH, time).run();
                print("(reference)", profile, result.causes(), result.findings().size(), Option.none(),
                        result.tries() + " tries");
            }
        }
        System.out.printf("%nkilled under every profile it is a bug under: %d of %d mutants; exactly one cause there: %d of %d%n",
                killed, mutants, single, mutants);
    }

    private static void header() {
        System.out.printf("%-34s %-7s %6s %5s %9s %7s  %s%n", "mutant", "profile", "causes", "rules", "kill (ms)",
                "shrunk", "representatives (board) and signatures");
    }

    private static void print(String name, Profile profile, Vector<Cause> causes, int rules, Option<Long> kill, String note) {
        String lengths = causes.map(cause -> Integer.toString(cause.representative().shrunkLength())).mkString(",");
        System.out.printf("%-34s %-7s %6d %5d %9s %7s  %s%n", name, label(profile), causes.size(), rules,
                kill.map(String::valueOf).getOrElse("-"), causes.isEmpty() ? "-" : lengths, note);
        for (Cause cause : causes) {
            System.out.printf("%66s %s on %s%n%66s   rules %s%n", "", cause.signature(), board(cause.representative()), "",
                    cause.rules().mkString(", "));
        }
    }

    private static String label(Profile profile) {
        return profile.name().toLowerCase(Locale.ROOT);
    }

    /** The board a finding was found on, in words: its name, and for generated boards its shape once shrunk. */
    static String board(Finding finding) {
        Configuration board = finding.trace().header().configuration();
        if (!finding.configurationName().startsWith("generated")) {
            return finding.configurationName();
        }
        return String.format("generated (%d apps, region %d, storage %d, limit %s, %s)", board.apps().size(),
                board.regionSize(), board.storageLength(), board.transferLimit().map(String::valueOf).getOrElse("none"),
                board.addressWidth());
    }

    /** Groups the traces kept under {@code directory} (one folder per mutant and profile) again. */
    private static void regroup(Path directory) throws IOException {
        header();
        int groups = 0;
        int single = 0;
        Vector<Path> folders;
        try (Stream<Path> listed = Files.list(directory)) {
            folders = Vector.ofAll(listed.filter(Files::isDirectory).sorted().toList());
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            int dash = name.lastIndexOf('-');
            Mutant mutant = Zoo.named(name.substring(0, dash)).get();
            Profile profile = Profile.valueOf(name.substring(dash + 1).toUpperCase(Locale.ROOT));
            Vector<Path> files;
            try (Stream<Path> listed = Files.list(folder)) {
                files = Vector.ofAll(listed.filter(file -> file.toString().endsWith(".jsonl")).sorted().toList());
            }
            Triage triage = new Triage(mutant.name(), mutant, Option.none(), Duration.ofSeconds(5), Option.none(),
                    CampaignListener.NONE);
            long order = 0;
            for (Path file : files) {
                Trace trace = TraceCodec.read(file);
                Checks checks = trace.header().subject().isDefined()
                        ? Checks.isolationOf(AppId.of(trace.header().subject().get()))
                        : Checks.of(Vector.of(Property.values()));
                Run run = Session.run(trace.header().configuration(), mutant, checks, trace.inputs());
                if (run.failed()) {
                    triage.report(new Failure(file.getFileName().toString(), run, checks, trace.header().seed(), order++,
                            file.getFileName().toString(), Swarm.everything(), Duration.ZERO));
                } else {
                    System.out.println("no longer fails: " + file);
                }
            }
            Vector<Cause> causes = triage.finish(1);
            print(mutant.name(), profile, causes, causes.map(cause -> cause.findings().size()).sum().intValue(),
                    Option.none(), files.size() + " traces");
            groups++;
            single += causes.size() == 1 ? 1 : 0;
        }
        System.out.printf("%nexactly one cause: %d of %d campaigns%n", single, groups);
    }
}
