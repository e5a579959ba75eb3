package invs.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Finding;
import invs.conformance.coverage.Corner;
import invs.conformance.coverage.DocumentedOutcome;
import invs.conformance.coverage.Reachability;
import invs.conformance.coverage.Statistics;
import invs.conformance.trace.ConfigurationCodec;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A campaign's result as {@code report.json} (format {@code invs-report}, version 1; docs/guide.md,
 * "Results machines can read"): what ran, the coverage pairs with their counts and standing, the corners,
 * and the causes with their rules, occurrences and trace files.
 */
public final class JsonReport {
    /** The format name written in every report. */
    public static final String FORMAT = "invs-report";
    /** The format version. */
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The report of {@code result} as a JSON object. */
    public static ObjectNode of(CampaignResult result) {
        Statistics statistics = result.statistics();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION)
                .put("system", result.system())
                .put("profile", result.settings().profile().name().toLowerCase(Locale.ROOT))
                .put("seed", String.format("0x%016x", result.seed()))
                .put("shard", result.settings().shard().toString())
                .put("stepsPerTry", result.settings().budget().steps())
                .put("tries", result.tries())
                .put("complete", result.complete())
                .put("inputs", statistics.inputs())
                .put("syscalls", statistics.syscalls())
                .put("seconds", result.triesTime().toNanos() / 1e9)
                .put("syscallsPerSecond", result.syscallsPerSecond())
                .put("grantRefusals", statistics.grantRefusals())
                .put("triesWithGrantRefusal", statistics.sequencesWithGrantRefusal());
        ArrayNode boards = root.putArray("configurations");
        for (NamedConfiguration board : result.boards()) {
            boards.addObject().put("name", board.name()).set("configuration", ConfigurationCodec.encode(board.configuration()));
        }
        root.putObject("generatedBoards").put("offered", result.generatedBoards()).put("refused", result.refusedGenerated());
        ArrayNode refused = root.putArray("refusedBoards");
        result.refusedBoards().forEach(refused::add);
        ArrayNode coverage = root.putArray("coverage");
        Reachability reachability = result.reachability();
        for (DocumentedOutcome pair : DocumentedOutcome.values()) {
            Reachability.Verdict verdict = reachability.of(pair);
            ObjectNode node = coverage.addObject().put("operation", pair.operation()).put("outcome", pair.outcome())
                    .put("count", statistics.count(pair))
                    .put("standing", verdict.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            verdict.reason().forEach(reason -> node.put("reason", reason));
        }
        ArrayNode corners = root.putArray("corners");
        for (Corner corner : Corner.values()) {
            corners.addObject().put("corner", corner.name().toLowerCase(Locale.ROOT)).put("description", corner.description())
                    .put("count", statistics.count(corner));
        }
        ArrayNode causes = root.putArray("causes");
        for (Cause cause : result.causes()) {
            causes.add(cause(cause));
        }
        ArrayNode problems = root.putArray("problems");
        result.problems().forEach(problems::add);
        return root;
    }

    private static ObjectNode cause(Cause cause) {
        Finding representative = cause.representative();
        ObjectNode node = MAPPER.createObjectNode()
                .put("property", representative.property().label())
                .put("clause", representative.clause().map(Enum::name).getOrNull())
                .put("signature", cause.signature())
                .put("steps", representative.shrunkLength())
                .put("trace", representative.traceFile().map(Path::toString).getOrNull())
                .put("occurrences", cause.occurrences())
                .put("seed", String.format("0x%016x", representative.seed()))
                .put("configuration", representative.configurationName())
                .put("foundBy", representative.origin());
        ArrayNode rules = node.putArray("rules");
        cause.rules().forEach(rules::add);
        ArrayNode swarm = node.putArray("swarm");
        representative.swarm().omitted().forEach(swarm::add);
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : cause.findings()) {
            findings.addObject().put("rule", finding.key()).put("steps", finding.shrunkLength())
                    .put("occurrences", finding.occurrences())
                    .put("trace", finding.traceFile().map(Path::toString).getOrNull());
        }
        return node;
    }

    /** {@code result}'s report as indented JSON text. */
    public static String format(CampaignResult result) {
        try {
            return MAPPER.writeValueAsString(of(result)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the report", e);
        }
    }
}
