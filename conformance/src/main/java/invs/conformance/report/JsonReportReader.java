package invs.conformance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.BoardMode;
import invs.conformance.coverage.Reachability;
import invs.conformance.trace.ConfigurationCodec;
import invs.conformance.trace.JsonProblem;
import invs.conformance.trace.TraceCodec;
import invs.conformance.trace.TraceFormatException;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a {@code report.json} written by {@link JsonReport} back into a {@link CampaignSummary}, strictly:
 * every problem is a {@link ReportFormatException} naming the file and the field. Files larger than
 * {@link #MAX_BYTES} are refused before they are parsed.
 */
public final class JsonReportReader {
    /** The largest report read: 64 MiB. */
    public static final long MAX_BYTES = 64L << 20;
    /** Strict like the trace codecs: one JSON value and nothing after it, each field once in an object. */
    private static final ObjectMapper MAPPER = TraceCodec.objectMapper();

    private JsonReportReader() {
    }

    /** The report in {@code file}. @throws ReportFormatException when it is missing, too large or malformed */
    public static CampaignSummary read(Path file) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ReportFormatException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a report of invs");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ReportFormatException(file + ": no such file (is this the --out directory of an invs fuzz run, and did that run finish?)");
        } catch (CharacterCodingException e) {
            throw new ReportFormatException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new ReportFormatException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** The report in {@code text}, read from {@code source} (named in problems). */
    public static CampaignSummary parse(String text, String source) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(source + ": " + JsonProblem.inFile(e).describe());
        }
        if (json == null || !json.isObject()) {
            throw new ReportFormatException(source + ": expected a JSON object");
        }
        ReportNode root = new ReportNode(json, "", source);
        if (!root.has("format") || !JsonReport.FORMAT.equals(root.field("format").json().asText())) {
            throw root.problem("not a report of invs (no \"format\": \"" + JsonReport.FORMAT + "\")");
        }
        long version = root.number("version");
        if (version != JsonReport.VERSION) {
            throw root.field("version").problem("version " + version + " is not one this invs reads (" + JsonReport.VERSION + ")");
        }
        Setup setup = setup(root);
        Totals totals = totals(root);
        Vector<PairCount> coverage = root.array("coverage").map(JsonReportReader::pair);
        Vector<CornerCount> corners = root.array("corners")
                .map(node -> new CornerCount(node.text("corner"), node.text("description"), node.number("count")));
        Vector<CauseSummary> causes = root.array("causes").map(CauseReader::cause);
        Vector<ShardPart> parts = root.has("shards") ? root.array("shards").map(JsonReportReader::part) : Vector.empty();
        CampaignSummary summary = new CampaignSummary(setup, totals, coverage, corners, causes, root.texts("problems"), parts);
        ReportConsistency.check(root, summary);
        return summary;
    }

    private static Setup setup(ReportNode root) {
        String profile = root.text("profile");
        Profile reading = Vector.of(Profile.values()).find(value -> value.name().toLowerCase(Locale.ROOT).equals(profile))
                .getOrElseThrow(() -> root.field("profile").problem("expected doc or tock, got '" + profile + "'"));
        ReportNode generated = root.field("generatedBoards");
        int steps = root.smallNumber("stepsPerTry");
        int threads = root.smallNumber("threads");
        if (steps < 1 || threads < 1) {
            throw root.field(steps < 1 ? "stepsPerTry" : "threads").problem("expected 1 or more");
        }
        return new Setup(root.text("system"), root.text("description"), reading, root.hex("seed"), shards(root, "shard"),
                steps, threads, root.has("plannedTries") ? Option.some(root.number("plannedTries")) : Option.none(),
                root.texts("properties"), root.array("configurations").map(JsonReportReader::board), boardMode(root),
                generated.number("offered"), generated.number("refused"), root.texts("refusedBoards"), root.bool("baseline"),
                !root.has("swarm") || root.bool("swarm"), // reports written before the field: swarms, the default
                root.optionalText("traces"), root.text("replayFlags"), root.optionalText("rerun"));
    }

    private static Totals totals(ReportNode root) {
        ReportNode statistics = root.field("statistics");
        long widest = statistics.number("widestFrontier");
        return new Totals(root.number("tries"), root.bool("complete"), root.number("inputs"), root.number("syscalls"),
                root.decimal("seconds"), statistics.decimal("shrinkSeconds"), statistics.decimal("modelSeconds"),
                statistics.decimal("systemSeconds"), statistics.decimal("otherSeconds"), (int) Math.min(Integer.MAX_VALUE, widest),
                root.number("grantRefusals"), root.number("triesWithGrantRefusal"),
                statistics.has("triesAtFrontierBound") ? statistics.number("triesAtFrontierBound") : 0);
    }

    private static ShardSet shards(ReportNode node, String name) {
        try {
            return ShardSet.parse(node.text(name));
        } catch (IllegalArgumentException e) {
            throw node.field(name).problem(e.getMessage());
        }
    }

    private static BoardMode boardMode(ReportNode root) {
        String mode = root.text("boardMode");
        return Vector.of(BoardMode.values()).find(value -> value.name().toLowerCase(Locale.ROOT).equals(mode))
                .getOrElseThrow(() -> root.field("boardMode").problem("expected standard, generated or both, got '" + mode + "'"));
    }

    private static NamedConfiguration board(ReportNode node) {
        String name = node.text("name");
        ReportNode configuration = node.field("configuration");
        try {
            return new NamedConfiguration(name, ConfigurationCodec.decode(configuration.json()));
        } catch (TraceFormatException e) {
            throw configuration.problem((e.field().isEmpty() ? "" : e.field() + ": ") + e.problem());
        } catch (IllegalArgumentException e) {
            throw configuration.problem(String.valueOf(e.getMessage()));
        }
    }

    private static PairCount pair(ReportNode node) {
        String standing = node.text("standing");
        Reachability.Kind kind = Vector.of(Reachability.Kind.values()).find(value -> standingName(value).equals(standing))
                .getOrElseThrow(() -> node.field("standing").problem("expected required, optional, not-announced or"
                        + " impossible-on-boards, got '" + standing + "'"));
        return new PairCount(node.text("operation"), node.text("outcome"), node.number("count"), kind,
                node.has("reason") ? Option.some(node.text("reason")) : Option.none());
    }

    private static ShardPart part(ReportNode node) {
        return new ShardPart(node.text("directory"), shards(node, "shard"), node.number("tries"), node.bool("complete"),
                node.decimal("seconds"), node.smallNumber("threads"), node.optionalText("rerun"));
    }

    /** A standing's name in {@code report.json}: {@code required}, {@code optional}, {@code not-announced}, … */
    static String standingName(Reachability.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
