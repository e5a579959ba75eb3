package invs.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code invs merge}: the four shards of a seeded campaign, merged, are the campaign run whole (tries, system calls,
 * coverage counts, causes), and anything wrong with the shard directories is a one-line usage error.
 */
class MergeCommandTest {
    private static final String[] CAMPAIGN = {"--mutant", "size-counts-header", "--seed", "0x1234", "--tries", "24",
            "--steps", "60", "--time", "5m", "--progress", "none"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static CommandRun whole;
    private static CommandRun merged;

    @BeforeAll
    static void runTheCampaignWholeAndInFourShardsAndMergeThem() {
        whole = fuzz(directory.resolve("whole"), "--threads", "2");
        for (int index = 0; index < 4; index++) {
            CommandRun shard = fuzz(directory.resolve("shard-" + index), "--threads", "1", "--shard", index + "/4");
            assertTrue(shard.exit() <= Main.FINDING, shard.toString());
        }
        merged = CommandRun.of(mergeArguments());
    }

    private static String[] mergeArguments() {
        return new String[] {"merge", shard(0).toString(), shard(1).toString(), shard(2).toString(), shard(3).toString(),
                "--out", directory.resolve("merged").toString()};
    }

    private static Path shard(int index) {
        return directory.resolve("shard-" + index);
    }

    private static CommandRun fuzz(Path out, String... more) {
        return CommandRun.of(Stream.of(new String[] {"fuzz", "--out", out.toString()}, CAMPAIGN, more).flatMap(Stream::of)
                .toArray(String[]::new));
    }

    @Test
    void theMergedShardsAreTheWholeCampaign() throws IOException {
        assertEquals(Main.FINDING, whole.exit(), whole.toString());
        assertEquals(Main.FINDING, merged.exit(), merged.toString());
        assertTrue(merged.out().startsWith("invs merge: bug-zoo mutant size-counts-header"), merged.out());
        assertTrue(merged.out().contains("seed 0x0000000000001234, shards 0,1,2,3/4 merged from 4 reports, 60 steps per try\n"),
                merged.out());
        assertEquals(match("([0-9,]+) tries in ", whole.out()), match("([0-9,]+) tries in ", merged.out()));
        assertEquals("24", match("([0-9,]+) tries in ", merged.out()));
        assertEquals(match(": ([0-9,]+ inputs, [0-9,]+ system calls checked)", whole.out()),
                match(": ([0-9,]+ inputs, [0-9,]+ system calls checked)", merged.out()));
        assertEquals(section(whole.out(), "coverage of the driver"), section(merged.out(), "coverage of the driver"));
        assertEquals(section(whole.out(), "corners the generator"), section(merged.out(), "corners the generator"));

        JsonNode wholeJson = JSON.readTree(directory.resolve("whole").resolve("report.json").toFile());
        JsonNode mergedJson = JSON.readTree(directory.resolve("merged").resolve("report.json").toFile());
        for (String total : List.of("tries", "inputs", "syscalls", "grantRefusals", "triesWithGrantRefusal")) {
            assertEquals(wholeJson.get(total).asLong(), mergedJson.get(total).asLong(), total);
        }
        assertEquals(24, mergedJson.get("tries").asLong());
        assertTrue(mergedJson.get("syscalls").asLong() > 0);
        assertEquals(wholeJson.get("causes").size(), mergedJson.get("causes").size(), "causes");
        assertEquals(wholeJson.get("corners"), mergedJson.get("corners"));
        assertEquals(counts(wholeJson.get("coverage")), counts(mergedJson.get("coverage")));
        assertEquals(signatures(wholeJson), signatures(mergedJson));
        assertEquals(occurrencesByRule(wholeJson), occurrencesByRule(mergedJson));
        assertFalse(signatures(mergedJson).isEmpty());
        assertTrue(mergedJson.get("complete").asBoolean());
        assertEquals(4, mergedJson.get("shards").size());
        assertTrue(Files.isRegularFile(directory.resolve("merged").resolve("TEST-invs-fuzz.xml")));
        assertTrue(Files.readString(directory.resolve("merged").resolve("report.html")).contains("<svg class=\"chart\""));
        for (JsonNode cause : mergedJson.get("causes")) {
            for (JsonNode finding : cause.get("findings")) {
                assertTrue(Files.isRegularFile(Path.of(finding.get("trace").asText())), finding.toString());
                assertTrue(merged.out().contains(finding.get("trace").asText()), "every trace is listed");
            }
        }
        assertTrue(merged.out().contains("shard reports:\n  " + shard(0) + ": shard 0/4, 6 tries in "), merged.out());
        assertTrue(merged.out().endsWith("reports: " + directory.resolve("merged").resolve("report.json") + ", "
                + directory.resolve("merged").resolve("TEST-invs-fuzz.xml") + ", " + directory.resolve("merged").resolve("report.html")
                + "\n"), merged.out());
    }

    @Test
    void problemsWithTheShardDirectoriesAreOneLineUsageErrors() throws IOException {
        assertError("invs: " + directory.resolve("none") + ": no such directory (give the --out directory of each shard)",
                "merge", directory.resolve("none").toString());
        assertError("invs: an empty path; give the --out directory of each shard", "merge", ""); // not the working one
        Path empty = Files.createDirectories(directory.resolve("empty"));
        assertError("invs: " + empty.resolve("report.json") + ": no such file (is this the --out directory of an invs fuzz run, and did that run finish?)",
                "merge", empty.toString());
        Path broken = Files.createDirectories(directory.resolve("broken"));
        Files.writeString(broken.resolve("report.json"), Files.readString(shard(1).resolve("report.json"))
                .replace("\"syscalls\" :", "\"syscalls\" : \"many\", \"was\" :"));
        assertError("invs: " + broken.resolve("report.json") + ": field syscalls: expected a whole number", "merge", shard(0).toString(),
                broken.toString());
        assertError("invs: --out: " + shard(0) + " is one of the shard directories; its report.json would be replaced. Name another"
                + " directory", "merge", shard(0).toString(), shard(1).toString(), "--out", shard(0).toString());
        assertError("invs: --out: " + shard(3) + " holds a report.json that no merge wrote (a shard's or a campaign's); the merged"
                + " report would replace it. Name another directory", "merge", shard(0).toString(), shard(1).toString(), "--out",
                shard(3).toString());
        assertTrue(Files.readString(shard(3).resolve("report.json")).contains("\"shard\" : \"3/4\""), "shard 3's report is kept");
        assertError("invs: --out: " + broken + " holds a report.json that cannot be read (" + broken.resolve("report.json")
                + ": field syscalls: expected a whole number); the merged report would replace it. Name another"
                + " directory", "merge", shard(0).toString(), shard(1).toString(), "--out", broken.toString());
        assertEquals(Main.FINDING, CommandRun.of(mergeArguments()).exit(), "an earlier merge's report is replaced");
        assertError("invs: shard 1/4 is given twice: in " + shard(1) + " and in " + shard(1), "merge", shard(1).toString(),
                shard(1).toString(), "--out", directory.resolve("twice").toString());
        assertError("invs: " + directory.resolve("whole") + ": number of shards 1 differs from " + shard(0)
                + "'s 4; these are not shards of one campaign", "merge", shard(0).toString(), directory.resolve("whole").toString(),
                "--out", directory.resolve("mixed").toString());
        assertEquals(2, CommandRun.of("merge").exit(), "at least one directory");
    }

    @Test
    void countsThatCannotAddUpAreAUsageErrorNotAWrappedSum() throws IOException {
        Path huge0 = Files.createDirectories(directory.resolve("huge-0"));
        Path huge1 = Files.createDirectories(directory.resolve("huge-1"));
        Files.writeString(huge0.resolve("report.json"), Files.readString(shard(0).resolve("report.json"))
                .replaceFirst("\"grantRefusals\" : [0-9]+", "\"grantRefusals\" : " + Long.MAX_VALUE));
        Files.writeString(huge1.resolve("report.json"), Files.readString(shard(1).resolve("report.json"))
                .replaceFirst("\"grantRefusals\" : [0-9]+", "\"grantRefusals\" : " + Long.MAX_VALUE));
        assertError("invs: the shards' counts add up to more than " + Long.MAX_VALUE + "; these are not reports of real"
                + " campaigns", "merge", huge0.toString(), huge1.toString(), "--out", directory.resolve("huge").toString());
        Path long0 = Files.createDirectories(directory.resolve("long-0"));
        Files.writeString(long0.resolve("report.json"), Files.readString(shard(0).resolve("report.json"))
                // a shard of a few tries may have taken less than a millisecond, written as 5.0E-4
                .replaceFirst("\"seconds\" : [0-9.Ee+-]+", "\"seconds\" : 1e308"));
        assertError("invs: " + long0.resolve("report.json") + ": field seconds: expected a number from 0 to 1000000000000",
                "merge", long0.toString(), shard(1).toString(), "--out", directory.resolve("long").toString());
    }

    /** A report edited by hand or damaged so that its counts cannot add up is refused, naming the field. */
    @Test
    void countsThatContradictEachOtherAreAUsageError() throws IOException {
        String report = Files.readString(shard(0).resolve("report.json"));
        assertEdited(report.replaceFirst("\"tries\" : [0-9]+", "\"tries\" : 1000"), "tries", "field tries: 1,000, more than"
                + " the report's 24 planned tries");
        assertEdited(report.replaceFirst("\"syscalls\" : [0-9]+", "\"syscalls\" : 1000000000"), "syscalls",
                "field syscalls: 1,000,000,000, more than the report's ");
        assertEdited(report.replaceAll("\"occurrences\" : [0-9]+", "\"occurrences\" : 1000000"), "occurrences",
                "field causes[0].findings[0].occurrences: 1,000,000, more than the report's ");
        ObjectNode json = (ObjectNode) JSON.readTree(report);
        ArrayNode causes = (ArrayNode) json.get("causes");
        assertEdited(json.deepCopy().set("causes", causes.deepCopy().add(causes.get(0).deepCopy())).toString(), "cause twice",
                "field causes[" + causes.size() + "].signature: '" + causes.get(0).get("signature").asText()
                        + "' is the signature of causes[0] too; causes that share a signature are one, listed once");
        ObjectNode twice = json.deepCopy();
        ((ArrayNode) twice.get("causes").get(0).get("findings")).add(causes.get(0).get("findings").get(0).deepCopy());
        assertEdited(twice.toString(), "finding twice", "field causes[0].findings[" + causes.get(0).get("findings").size()
                + "].foundBy: " + causes.get(0).get("findings").get(0).get("foundBy").asText() + " (seed ");
        assertEdited(report.replaceFirst("\"inputs\" : [0-9]+", "\"inputs\" : 9000000000000000000")
                .replaceFirst("\"syscalls\" : [0-9]+", "\"syscalls\" : 9000000000000000000"), "inputs",
                "field inputs: 9,000,000,000,000,000,000, more than the report's 6 tries of 60 steps can have (");
        assertEdited(report.replaceFirst("\"operation\" : \"command 1\"", "\"operation\" : \"command 0\""), "pair twice",
                "field coverage[");
        assertEdited(report.replaceFirst("\"operation\" : \"command 1\"", "\"operation\" : \"command 99\""), "unknown pair",
                "field coverage[");
        assertEdited(report.replaceFirst("\"corner\" : \"busy_same_app\"", "\"corner\" : \"made_up\""), "unknown corner",
                "field corners[0].corner: 'made_up' is not a corner of the generator");
    }

    private static void assertEdited(String report, String name, String message) throws IOException {
        Path edited = Files.createDirectories(directory.resolve("edited-" + name.replace(' ', '-')));
        Files.writeString(edited.resolve("report.json"), report);
        CommandRun run = CommandRun.of("merge", edited.toString(), shard(1).toString(), "--out",
                directory.resolve("edited-merged").toString());
        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertTrue(run.errLine().startsWith("invs: " + edited.resolve("report.json") + ": " + message), name + ": " + run.errLine());
    }

    @Test
    void mergedReportsThatCannotBeWrittenAreAOneLineUsageErrorAndNotClaimedWritten() throws IOException {
        Path out = Files.createDirectories(directory.resolve("unwritable").resolve("report.json").resolve("inner")).getParent()
                .getParent();
        CommandRun run = CommandRun.of("merge", shard(0).toString(), shard(1).toString(), "--out", out.toString());
        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertEquals("invs: cannot write " + out.resolve("report.json") + ": a directory is in the way", run.errLine());
        assertTrue(run.out().startsWith("invs merge: "), "the merged report is still shown: " + run.out());
        assertFalse(run.out().contains("reports: "), run.out());
        assertFalse(Files.exists(out.resolve("report.json.tmp")), "no temporary file is left");
    }

    @Test
    void controlCharactersOfAReportAreShownAsEscapes() throws IOException {
        Path tampered = Files.createDirectories(directory.resolve("tampered"));
        Files.writeString(tampered.resolve("report.json"), Files.readString(shard(2).resolve("report.json"))
                .replaceFirst("\"description\" : \"", "\"description\" : \"\\\\u001b[31mred "));
        CommandRun run = CommandRun.of("merge", tampered.toString(), "--out", directory.resolve("tampered-merged").toString());
        assertTrue(run.exit() <= Main.FINDING, run.toString());
        assertTrue(run.out().startsWith("invs merge: \\u001b[31mred bug-zoo mutant"), run.out());
        assertFalse(run.out().contains("\u001b"), "no escape character reaches the terminal");
    }

    /**
     * A trace path of a report holding control characters is shown escaped wherever the merged report lists it: the
     * replay command and the other traces of its cause stay one printable line each, and the page holds no control
     * character either.
     */
    @Test
    void controlCharactersOfATracePathAreShownAsEscapes() throws IOException {
        int findings = 0;
        Vector<Path> tampered = Vector.empty();
        for (int index : new int[] {2, 3}) {
            Path out = Files.createDirectories(directory.resolve("tampered-trace-" + index));
            ObjectNode report = (ObjectNode) JSON.readTree(shard(index).resolve("report.json").toFile());
            for (JsonNode cause : report.get("causes")) {
                for (JsonNode finding : cause.get("findings")) {
                    ((ObjectNode) finding).put("trace", "/nowhere/a\u001b[31mb\n" + findings++ + ".jsonl");
                }
            }
            Files.writeString(out.resolve("report.json"), report.toString());
            tampered = tampered.append(out);
        }
        assertTrue(findings >= 2, "a cause with other traces: " + findings);
        Path out = directory.resolve("tampered-trace-merged");
        CommandRun run = CommandRun.of("merge", tampered.get(0).toString(), tampered.get(1).toString(), "--out", out.toString());
        assertEquals(Main.FINDING, run.exit(), run.toString());
        assertFalse(run.out().contains("\u001b"), "no escape character reaches the terminal");
        List<String> lines = run.out().lines().filter(line -> line.contains("/nowhere/a")).toList();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("    replay: ./invs replay '/nowhere/a\\u001b[31mb\\n")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("traces of ")), lines.toString());
        for (int finding = 0; finding < findings; finding++) {
            String shown = "/nowhere/a\\u001b[31mb\\n" + finding + ".jsonl";
            assertEquals(1, lines.stream().filter(line -> line.contains(shown)).count(), shown + " is listed once in\n" + lines);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'), "no control character in the page");
        assertTrue(html.contains("./invs replay '/nowhere/a\\u001b[31mb\\n"), "the replay command is shown escaped");
    }

    @Test
    void shardsWithoutFindingsMergeToExitCodeZero() {
        Path first = directory.resolve("clean-0");
        Path second = directory.resolve("clean-1");
        for (Path out : List.of(first, second)) {
            CommandRun run = CommandRun.of("fuzz", "--out", out.toString(), "--tries", "4", "--steps", "30", "--threads", "1",
                    "--progress", "none", "--shard", out.equals(first) ? "0/2" : "1/2");
            assertEquals(0, run.exit(), run.toString());
        }
        CommandRun run = CommandRun.of("merge", first.toString(), second.resolve("report.json").toString(), "--out",
                directory.resolve("clean").toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("\nno finding\n"), run.out());
        assertTrue(run.out().contains("\n4 tries in 2 shard reports, "), run.out());
    }

    private static void assertError(String expected, String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertEquals(expected, run.errLine());
        assertTrue(run.out().isEmpty(), run.out());
    }

    private static String match(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertTrue(matcher.find(), pattern + " in\n" + text);
        return matcher.group(1);
    }

    /** The block of the report that starts with {@code heading}, up to the next blank line. */
    private static String section(String text, String heading) {
        int start = text.indexOf(heading);
        assertTrue(start >= 0, heading + " in\n" + text);
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static Map<String, Long> counts(JsonNode coverage) {
        Map<String, Long> counts = new TreeMap<>();
        coverage.forEach(pair -> counts.put(pair.get("operation").asText() + " → " + pair.get("outcome").asText(),
                pair.get("count").asLong()));
        return counts;
    }

    private static Set<String> signatures(JsonNode report) {
        return StreamSupport.stream(report.get("causes").spliterator(), false).map(cause -> cause.get("signature").asText())
                .collect(Collectors.toSet());
    }

    private static Map<String, Long> occurrencesByRule(JsonNode report) {
        Map<String, Long> byRule = new TreeMap<>();
        report.get("causes").forEach(cause -> cause.get("findings").forEach(finding ->
                byRule.merge(finding.get("rule").asText(), finding.get("occurrences").asLong(), Long::sum)));
        return byRule;
    }
}
