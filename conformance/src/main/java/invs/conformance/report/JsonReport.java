package invs.conformance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.trace.ConfigurationCodec;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * A campaign's report as {@code report.json} (format {@code invs-report}, version 1; docs/guide.md, "Reports in
 * files"): what ran, the totals and timings, the coverage pairs with their counts and standing, the corners,
 * the causes with their findings, trace files and representative counterexample, and for a merged report the
 * shard reports it was made of. {@link JsonReportReader} reads it back.
 */
public final class JsonReport {
    /** The format name written in every report. */
    public static final String FORMAT = "invs-report";
    /** The format version. */
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The report of {@code summary} as a JSON object. */
    public static ObjectNode of(CampaignSummary summary) {
        Setup setup = summary.setup();
        Totals totals = summary.totals();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION)
                .put("system", setup.system())
                .put("description", setup.description())
                .put("profile", setup.reading())
                .put("seed", hex(setup.seed()))
                .put("shard", setup.shards().toString())
                .put("stepsPerTry", setup.stepsPerTry())
                .put("threads", setup.threads());
        if (setup.plannedTries().isDefined()) {
            root.put("plannedTries", setup.plannedTries().get());
        } else {
            root.putNull("plannedTries");
        }
        strings(root.putArray("properties"), setup.properties());
        root.put("tries", totals.tries())
                .put("complete", totals.complete())
                .put("inputs", totals.inputs())
                .put("syscalls", totals.syscalls())
                .put("seconds", totals.triesSeconds())
                .put("syscallsPerSecond", totals.syscallsPerSecond())
                .put("grantRefusals", totals.grantRefusals())
                .put("triesWithGrantRefusal", totals.triesWithGrantRefusal());
        root.putObject("statistics").put("shrinkSeconds", totals.shrinkSeconds()).put("modelSeconds", totals.modelSeconds())
                .put("systemSeconds", totals.systemSeconds()).put("otherSeconds", totals.otherSeconds())
                .put("widestFrontier", totals.widestFrontier())
                .put("triesAtFrontierBound", totals.triesAtFrontierBound());
        ArrayNode boards = root.putArray("configurations");
        for (NamedConfiguration board : setup.boards()) {
            boards.addObject().put("name", board.name()).set("configuration", ConfigurationCodec.encode(board.configuration()));
        }
        root.put("boardMode", setup.boardMode().name().toLowerCase(Locale.ROOT));
        root.putObject("generatedBoards").put("offered", setup.generatedOffered()).put("refused", setup.generatedRefused());
        strings(root.putArray("refusedBoards"), setup.refusedBoards());
        root.put("baseline", setup.baseline());
        root.put("swarm", setup.swarm());
        optional(root, "traces", setup.traces());
        root.put("replayFlags", setup.replayFlags());
        optional(root, "rerun", setup.rerun());
        ArrayNode coverage = root.putArray("coverage");
        for (PairCount pair : summary.coverage()) {
            ObjectNode node = coverage.addObject().put("operation", pair.operation()).put("outcome", pair.outcome())
                    .put("count", pair.count()).put("standing", JsonReportReader.standingName(pair.standing()));
            pair.reason().forEach(reason -> node.put("reason", reason));
        }
        ArrayNode corners = root.putArray("corners");
        for (CornerCount corner : summary.corners()) {
            corners.addObject().put("corner", corner.name()).put("description", corner.description()).put("count", corner.count());
        }
        ArrayNode causes = root.putArray("causes");
        summary.causes().forEach(cause -> causes.add(cause(cause)));
        strings(root.putArray("problems"), summary.problems());
        if (summary.merged()) {
            ArrayNode parts = root.putArray("shards");
            for (ShardPart part : summary.parts()) {
                ObjectNode node = parts.addObject().put("directory", part.directory()).put("shard", part.shards().toString())
                        .put("tries", part.tries()).put("complete", part.complete()).put("seconds", part.seconds())
                        .put("threads", part.threads());
                optional(node, "rerun", part.rerun());
            }
        }
        return root;
    }

    private static ObjectNode cause(CauseSummary cause) {
        FindingSummary representative = cause.representative();
        ObjectNode node = finding(MAPPER.createObjectNode(), representative).put("signature", cause.signature())
                .put("occurrences", cause.occurrences());
        node.remove("rule");
        strings(node.putArray("rules"), cause.rules());
        ArrayNode findings = node.putArray("findings");
        cause.findings().forEach(finding -> finding(findings.addObject(), finding));
        node.set("counterexample", counterexample(cause.counterexample()));
        return node;
    }

    private static ObjectNode finding(ObjectNode node, FindingSummary finding) {
        node.put("rule", finding.rule()).put("property", finding.property())
                .put("clause", finding.clause().getOrNull())
                .put("signature", finding.signature())
                .put("steps", finding.steps())
                .put("occurrences", finding.occurrences())
                .put("trace", finding.trace().getOrNull())
                .put("seed", hex(finding.seed()))
                .put("configuration", finding.configuration())
                .put("foundBy", finding.foundBy());
        strings(node.putArray("swarm"), finding.swarm());
        return node;
    }

    private static ObjectNode counterexample(Counterexample counterexample) {
        ObjectNode node = MAPPER.createObjectNode().put("swarm", counterexample.swarm()).put("report", counterexample.report());
        strings(node.putArray("apps"), counterexample.apps());
        ArrayNode steps = node.putArray("steps");
        for (Counterexample.Step step : counterexample.steps()) {
            ObjectNode entry = steps.addObject();
            if (step.app().isDefined()) {
                entry.put("app", step.app().get());
            } else {
                entry.putNull("app");
            }
            entry.put("kind", step.kind().label()).put("input", step.input()).put("answer", step.answer());
            optional(entry, "upcall", step.upcall());
            optional(entry, "buffer", step.buffer());
        }
        DivergingStep diverging = counterexample.diverging();
        ObjectNode at = node.putObject("diverging").put("step", diverging.step()).put("input", diverging.input())
                .put("observed", diverging.observed());
        optional(at, "closest", diverging.closest());
        ArrayNode allowed = at.putArray("allowed");
        diverging.allowed().forEach(answer -> allowed.addObject().put("answer", answer.answer()).put("clause", answer.clause())
                .put("citation", answer.citation()));
        at.put("allowedOmitted", diverging.allowedOmitted());
        ArrayNode differences = at.putArray("differences");
        diverging.differences().forEach(difference -> differences.addObject().put("field", difference.field())
                .put("expected", difference.expected()).put("observed", difference.observed())
                .put("clause", difference.clause()).put("citation", difference.citation()));
        strings(at.putArray("deciding"), diverging.deciding());
        strings(at.putArray("explanation"), diverging.explanation());
        return node;
    }

    private static void strings(ArrayNode array, Vector<String> values) {
        values.forEach(array::add);
    }

    private static void optional(ObjectNode node, String field, Option<String> value) {
        if (value.isDefined()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    static String hex(long value) {
        return String.format("0x%016x", value);
    }

    /** {@code summary}'s report as indented JSON text. */
    public static String format(CampaignSummary summary) {
        try {
            return MAPPER.writeValueAsString(of(summary)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the report", e);
        }
    }
}
