package invs.conformance.report;

import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Shard;
import invs.conformance.coverage.Reachability;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardMergeTest {
    @TempDir
    static Path directory;

    private static CampaignSummary whole;
    private static Vector<Tuple2<Path, CampaignSummary>> shards;

    @BeforeAll
    static void runTheCampaignWholeAndInFourShards() {
        whole = ReportFixtures.readBack(ReportFixtures.campaign(Shard.whole(), ReportFixtures.SEED, directory.resolve("whole")), "");
        shards = Vector.range(0, 4).map(index -> {
            Path out = directory.resolve("shard-" + index);
            CampaignResult result = ReportFixtures.campaign(new Shard(index, 4), ReportFixtures.SEED, out);
            return Tuple.of(out, ReportFixtures.readBack(result, "./invs fuzz --shard " + index + "/4"));
        });
    }

    @Test
    void fourShardsMergedAreTheWholeCampaign() {
        CampaignSummary merged = ShardMerge.merge(shards);
        assertEquals(ReportFixtures.TRIES, merged.totals().tries());
        assertEquals(whole.totals().tries(), merged.totals().tries());
        assertEquals(whole.totals().inputs(), merged.totals().inputs());
        assertEquals(whole.totals().syscalls(), merged.totals().syscalls());
        assertTrue(merged.totals().complete());
        assertEquals(whole.coverage().map(PairCount::count), merged.coverage().map(PairCount::count));
        assertEquals(whole.coverage().map(PairCount::standing), merged.coverage().map(PairCount::standing));
        assertEquals(whole.corners(), merged.corners());
        assertEquals(whole.totals().widestFrontier(), merged.totals().widestFrontier());
        assertFalse(whole.causes().isEmpty());
        assertEquals(whole.causes().map(CauseSummary::signature).toSet(), merged.causes().map(CauseSummary::signature).toSet());
        assertEquals(occurrencesByRule(whole), occurrencesByRule(merged));
        assertEquals("0,1,2,3/4", merged.setup().shards().toString());
        assertEquals(4, merged.parts().size());
        assertTrue(merged.setup().rerun().isEmpty(), "a merged report has no single re-run command");
        assertEquals(Vector.range(0, 4).map(index -> "./invs fuzz --shard " + index + "/4"),
                merged.parts().map(part -> part.rerun().get()));
    }

    @Test
    void everyTraceOfEveryShardIsKeptAndTheShortestRepresentsTheCause() {
        CampaignSummary merged = ShardMerge.merge(shards);
        Vector<String> traces = shards.flatMap(shard -> shard._2.findings()).flatMap(FindingSummary::trace);
        assertEquals(traces.toSet(), merged.findings().flatMap(FindingSummary::trace).toSet());
        assertTrue(traces.forAll(trace -> Files.isRegularFile(Path.of(trace))), traces.toString());
        for (CauseSummary cause : merged.causes()) {
            assertTrue(cause.findings().forAll(finding -> finding.steps() >= cause.representative().steps()));
            assertTrue(cause.counterexample().report().contains("trace: " + cause.representative().trace().get() + "\n"));
            assertEquals(cause.representative().steps(), cause.counterexample().steps().size());
        }
    }

    /**
     * The merged report of real shards, written and read back, passes every check of its counts: each shard's
     * findings are of its own tries, the causes that share a signature are one, and the failing tries add up.
     */
    @Test
    void aMergedReportOfRealShardsIsReadBack() {
        CampaignSummary merged = ShardMerge.merge(shards);
        CampaignSummary read = JsonReportReader.parse(JsonReport.format(merged), "merged.json");
        assertEquals(shards.map(shard -> shard._2.findings().size()).sum().intValue(), read.findings().size());
        assertTrue(read.causes().exists(cause -> cause.findings().size() > 1), "a cause found in several shards");
        assertEquals(merged.causes().map(CauseSummary::occurrences), read.causes().map(CauseSummary::occurrences));
        assertEquals(whole.totals().inputs(), read.totals().inputs());
    }

    @Test
    void aMissingShardLeavesTheMergeIncomplete() {
        CampaignSummary merged = ShardMerge.merge(shards.removeAt(2));
        assertFalse(merged.totals().complete());
        assertEquals("0,1,3/4", merged.setup().shards().toString());
        assertEquals(Vector.of(2), merged.setup().shards().firstMissing(5));
        assertEquals(shards.removeAt(2).map(shard -> shard._2.totals().tries()).sum().longValue(), merged.totals().tries());
    }

    @Test
    void reportsThatAreNotShardsOfOneCampaignAreRefused() {
        Path other = directory.resolve("other-seed");
        CampaignSummary otherSeed = ReportFixtures.readBack(ReportFixtures.campaign(new Shard(1, 4), ReportFixtures.SEED + 1, other), "");
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(Vector.of(shards.get(0), Tuple.of(other, otherSeed))));
        assertTrue(seed.getMessage().startsWith(other + ": seed 0x5eee differs from " + shards.get(0)._1 + "'s 0x5eed;"),
                seed.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(Vector.of(shards.get(0), shards.get(1), shards.get(1))));
        assertEquals("shard 1/4 is given twice: in " + shards.get(1)._1 + " and in " + shards.get(1)._1, twice.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(Vector.of(shards.get(0), Tuple.of(directory, whole))));
        assertTrue(count.getMessage().contains("number of shards 1 differs"), count.getMessage());
    }

    @Test
    void shardsRunWithAndWithoutSwarmsAreNotOneCampaign() {
        String written = JsonReport.format(shards.get(1)._2);
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("\"swarm\"\\s*:\\s*(true|false)").matcher(written);
        assertTrue(field.find(), written);
        boolean swarm = Boolean.parseBoolean(field.group(1));
        assertEquals(swarm, shards.get(1)._2.setup().swarm());
        CampaignSummary flipped = JsonReportReader.parse(field.replaceFirst("\"swarm\":" + !swarm), "report.json");
        assertEquals(!swarm, flipped.setup().swarm());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(Vector.of(shards.get(0), Tuple.of(shards.get(1)._1, flipped))));
        assertTrue(mixed.getMessage().startsWith(shards.get(1)._1 + ": --swarm " + (swarm ? "off" : "on") + " differs from "
                + shards.get(0)._1 + "'s " + (swarm ? "on" : "off") + ";"), mixed.getMessage());
        // a report written before the field existed counts as one of a campaign with swarms, the default
        CampaignSummary older = JsonReportReader.parse(field.replaceFirst("\"older\":true"), "report.json");
        assertTrue(older.setup().swarm());
    }

    @Test
    void tracesAreFoundInTheShardDirectoryWhenItWasMoved() throws Exception {
        Tuple2<Path, CampaignSummary> shard = shards.find(candidate -> !candidate._2.causes().isEmpty()).get();
        Path moved = directory.resolve("moved");
        Files.createDirectories(moved);
        String written = shard._2.causes().head().representative().trace().get();
        Files.copy(Path.of(written), moved.resolve(Path.of(written).getFileName()));
        CampaignSummary elsewhere = JsonReportReader.parse(JsonReport.format(shard._2).replace(written, "/nowhere/"
                + Path.of(written).getFileName()), "report.json");
        CampaignSummary merged = ShardMerge.merge(Vector.of(Tuple.of(moved, elsewhere)));
        String found = merged.causes().head().representative().trace().get();
        assertEquals(moved.resolve(Path.of(written).getFileName()).toString(), found);
        assertTrue(merged.causes().head().counterexample().report().contains("\ntrace: " + found + "\n"));
    }

    /**
     * Under doc a command's NOSUPPORT may be answered by a NOSUPPORT upcall instead (D7): a shard that saw the
     * upcall marks the command's NOSUPPORT optional, one that did not marks it required, and the merge, whose
     * counts show the upcall, holds it optional as one campaign would, not missed.
     */
    @Test
    void aNosupportAnsweredByUpcallInOneShardIsOptionalInTheMerge() {
        assertEquals(invs.spec.Profile.DOC, shards.head()._2.setup().profile());
        CampaignSummary sawUpcall = withPairs(shards.get(0)._2, 3, Reachability.Kind.OPTIONAL);
        CampaignSummary sawNone = withPairs(shards.get(1)._2, 0, Reachability.Kind.REQUIRED);
        PairCount merged = commandNosupport(ShardMerge.merge(Vector.of(Tuple.of(shards.get(0)._1, sawUpcall),
                Tuple.of(shards.get(1)._1, sawNone))));
        assertEquals(Reachability.Kind.OPTIONAL, merged.standing());
        assertFalse(merged.missed());
        assertEquals("answered as upcall 0 NOSUPPORT instead, which the document allows as well", merged.reason().get());
        PairCount neither = commandNosupport(ShardMerge.merge(Vector.of(Tuple.of(shards.get(0)._1,
                withPairs(shards.get(0)._2, 0, Reachability.Kind.REQUIRED)), Tuple.of(shards.get(1)._1, sawNone))));
        assertTrue(neither.missed(), "with the upcall seen nowhere it stays required");
    }

    private static PairCount commandNosupport(CampaignSummary summary) {
        return summary.coverage().find(pair -> pair.pair().equals("command 1 → NOSUPPORT")).get();
    }

    /** {@code summary} with command 1's NOSUPPORT unseen and standing {@code standing}, and upcall 0's seen {@code upcalls} times. */
    private static CampaignSummary withPairs(CampaignSummary summary, long upcalls, Reachability.Kind standing) {
        Vector<PairCount> coverage = summary.coverage().map(pair -> switch (pair.pair()) {
            case "command 1 → NOSUPPORT" -> new PairCount(pair.operation(), pair.outcome(), 0, standing,
                    standing == Reachability.Kind.REQUIRED ? io.vavr.control.Option.none()
                            : io.vavr.control.Option.some("answered as upcall 0 NOSUPPORT instead, which the document allows as well"));
            case "upcall 0 → NOSUPPORT" -> new PairCount(pair.operation(), pair.outcome(), upcalls, pair.standing(), pair.reason());
            default -> pair;
        });
        return new CampaignSummary(summary.setup(), summary.totals(), coverage, summary.corners(), summary.causes(),
                summary.problems(), summary.parts());
    }

    private static Map<String, Long> occurrencesByRule(CampaignSummary summary) {
        return summary.findings().groupBy(FindingSummary::rule)
                .mapValues(findings -> findings.map(FindingSummary::occurrences).sum().longValue())
                .foldLeft(HashMap.empty(), (map, entry) -> map.put(entry._1, entry._2));
    }
}
