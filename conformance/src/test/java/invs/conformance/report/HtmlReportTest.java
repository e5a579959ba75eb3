package invs.conformance.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.App;
import invs.spec.Configuration;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static final String HOSTILE = "<script>alert('x')</script>";

    @TempDir
    static Path directory;

    private static CampaignSummary summary;
    private static Document page;

    /** The size mutant, refusing a board with a reason that is markup, on a board whose apps' names are markup. */
    @BeforeAll
    static void renderAFindingOfAHostileSystem() {
        SystemUnderTestFactory mutant = ReportFixtures.mutant();
        SystemUnderTestFactory refusing = new SystemUnderTestFactory() {
            @Override
            public SystemUnderTest create(Configuration configuration) {
                return mutant.create(configuration);
            }

            @Override
            public Option<String> refusal(Configuration configuration) {
                return configuration.apps().size() == 3 ? Option.none() : Option.some(HOSTILE + " refuses");
            }
        };
        Configuration board = StandardConfigurations.docDefault().configuration();
        Vector<App> apps = board.apps().zipWithIndex().map(app -> new App("<img src=x onerror=" + app._2 + ">",
                app._1.shortId(), app._1.permissions()));
        CampaignResult result = Campaign.against("size <b>bug</b> & co", refusing)
                .configurations(Vector.of(new NamedConfiguration("hostile-board", board.withApps(apps)),
                        StandardConfigurations.docPermissions()))
                .seed(ReportFixtures.SEED).budget(Budget.of(12, 60, 120)).threads(1).traces(directory).run();
        summary = CampaignSummary.of(result, new Invocation(HOSTILE, "./invs fuzz --tries 12", " --sut-command '" + HOSTILE + "'"));
        page = Jsoup.parse(HtmlReport.render(summary));
    }

    @Test
    void everythingFromTheSystemIsTextNotMarkup() {
        assertTrue(page.select("script, img, iframe, object, embed, link, b").isEmpty(), page.select("script, img, b").toString());
        assertTrue(page.getAllElements().stream().noneMatch(element -> element.attributes().asList().stream()
                .anyMatch(attribute -> attribute.getKey().startsWith("on"))), "no event handler attributes");
        assertTrue(page.text().contains(HOSTILE + " refuses"), "the refusal is shown as text");
        assertTrue(page.title().contains("size <b>bug</b> & co"), page.title());
        assertTrue(page.select("svg.chart .head .detail").eachText().stream().anyMatch(text -> text.startsWith("<img src=x onerror=")),
                page.select("svg.chart .head .detail").eachText().toString());
    }

    /** Control characters a {@code report.json} holds, in a trace path or a description, are shown as escapes. */
    @Test
    void controlCharactersOfAReportAreShownAsEscapes() {
        ObjectNode json = JsonReport.of(summary);
        json.put("description", "red \u001b[31m text \u202ereversed");
        ((ObjectNode) json.get("causes").get(0).get("findings").get(0)).put("trace", "/tmp/a\u001b[31mb\n.jsonl");
        String html = HtmlReport.render(JsonReportReader.parse(json.toString(), "report.json"));
        assertTrue(html.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'), "no control character");
        assertFalse(html.contains("\u202e"), "no bidirectional override");
        Document escaped = Jsoup.parse(html);
        assertTrue(escaped.select("ul.traces code.command").eachText().contains(
                "./invs replay '/tmp/a\\u001b[31mb\\n.jsonl' --sut-command '" + HOSTILE + "'"),
                escaped.select("ul.traces code.command").eachText().toString());
        assertTrue(escaped.select("dl.facts dd").eachText().contains("red \\u001b[31m text \\u202ereversed [size <b>bug</b> & co]"),
                escaped.select("dl.facts dd").eachText().toString());
    }

    @Test
    void thePageIsSelfContained() {
        for (Element element : page.getAllElements()) {
            for (String attribute : new String[] {"src", "href", "xlink:href", "srcset", "action"}) {
                String value = element.attr(attribute);
                assertTrue(value.isEmpty() || value.startsWith("#"), element.tagName() + " " + attribute + "=" + value);
            }
        }
        String style = page.select("style").html();
        assertFalse(style.contains("@import") || style.contains("@font-face") || style.replace("url(#", "").contains("url("), style);
    }

    @Test
    void theSummaryAndTheCoverageMatrixCanBeScanned() {
        int causes = summary.causes().size();
        long tries = summary.causes().map(CauseSummary::occurrences).sum().longValue();
        assertEquals(causes + " distinct cause" + (causes == 1 ? "" : "s") + " (" + summary.findings().size() + " rule"
                + (summary.findings().size() == 1 ? "" : "s") + " broken, " + tries + " failing tr" + (tries == 1 ? "y)" : "ies)"),
                page.selectFirst(".verdict.failed").text());
        assertEquals(causes, page.select("article.cause").size());
        assertTrue(page.select("dl.facts dt").eachText().containsAll(java.util.List.of("seed", "tries", "checked", "boards")));
        Element matrix = page.selectFirst("table.matrix");
        assertEquals(java.util.List.of("operation", "SUCCESS", "NOSUPPORT", "BUSY", "NOMEM", "RESERVE", "INVAL", "FAIL"),
                matrix.select("thead th").eachText());
        assertEquals(summary.coverage().map(PairCount::operation).distinct().size(), matrix.select("tbody tr").size());
        Element optional = matrix.select("tbody tr").stream().filter(row -> row.child(0).text().equals("upcall 0")).findFirst()
                .get().child(2);
        assertEquals("optional", optional.className(), "upcall 0 → NOSUPPORT is optional under doc");
        assertTrue(optional.attr("title").contains("the document also allows answering NOSUPPORT at once"));
        long seen = summary.coverage().count(pair -> pair.count() >= CoverageMatrix.RARE_BELOW);
        long rare = summary.coverage().count(pair -> pair.count() > 0 && pair.count() < CoverageMatrix.RARE_BELOW);
        assertEquals(seen, matrix.select("td.seen").size());
        assertEquals(rare, matrix.select("td.rare").size());
        assertEquals(summary.coverage().count(PairCount::missed), matrix.select("td.missed").size());
        assertEquals(summary.corners().count(corner -> corner.count() == 0), page.select("table.corners tr.never").size());
    }

    @Test
    void aCauseIsDrawnAsAMessageSequenceChart() {
        CauseSummary cause = summary.causes().head();
        Counterexample counterexample = cause.counterexample();
        Element article = page.selectFirst("article#cause-1");
        Element chart = article.selectFirst("svg.chart");
        assertEquals(counterexample.apps().size() + 1, chart.select("g.head").size(), "a lifeline per app and the driver");
        assertEquals("driver 0x50004", chart.select("g.head.driver .name").text());
        long events = counterexample.steps().count(step -> step.kind() == Counterexample.Kind.EVENT);
        assertEquals(events, chart.select("g.event, g.wrong-event").size(), "an event is a band across the lifelines");
        assertEquals(2 * (counterexample.steps().size() - events), chart.select("g.arrow").size(), "a call and its answer");
        assertEquals(1, chart.select("g.arrow.wrong").size(), "the diverging answer is marked");
        assertEquals(String.valueOf(counterexample.diverging().step()), chart.selectFirst("text.number.wrong").text());
        // shrunk to regions of one byte (SmallerRegions), whose size the mutant gives with the 12-byte header
        assertTrue(chart.selectFirst("text.note.observed").text().startsWith("✗ observed: upcall 0 (SUCCESS, 13, 0)"),
                chart.selectFirst("text.note.observed").text());
        assertTrue(chart.selectFirst("text.note.allowed").text().startsWith("allowed: upcall 0 (SUCCESS, 1, 0)"));
        Element difference = article.selectFirst("table.differences tbody tr");
        assertEquals(java.util.List.of("argument 1", "1", "13", "SUBSCRIBE_0_SUCCESS"), difference.select("td").eachText());
        assertTrue(article.select("ul.traces code.command").eachText().stream()
                .anyMatch(line -> line.startsWith("./invs replay " + cause.representative().trace().get())), "replay command");
        assertTrue(article.select("ul.traces li").text().contains(cause.representative().rule() + " ("
                + cause.representative().steps() + " steps)"), article.select("ul.traces li").text());
        assertEquals("1 step", invs.conformance.campaign.Finding.steps(1), "a trace of one step, as report.html lists it");
    }

    /**
     * A command to copy (a trace's replay, the re-run) is one line that is never wrapped, since a line broken at
     * a hyphen ({@code --mutant}) reads as two commands: the page scrolls it sideways instead; and a section
     * of the page may be narrower than its widest content (the coverage matrix then scrolls), so that a
     * narrow window shows the page without cutting it.
     */
    @Test
    void commandsAreNeverWrappedAndNarrowWindowsScrollWhatIsWide() {
        String style = page.select("style").html().replaceAll("\\s+", " ");
        assertTrue(style.contains(".command { display: block; white-space: pre;"), style);
        assertEquals(page.select("ul.traces li").size(), page.select("ul.traces li code.command").size());
        assertTrue(style.contains("ul.traces { overflow-x: auto; }"), style);
        assertEquals("re-run exactly", page.selectFirst("dl.facts dd.command").previousElementSibling().text());
        assertTrue(style.contains("dd.command { overflow-x: auto; }"), style);
        assertTrue(style.contains(".columns section { flex: 0 1 auto; min-width: 0;"), style);
        assertTrue(page.selectFirst("table.matrix").parent().hasClass("scroll"));
        assertTrue(style.contains("grid-template-columns: max-content minmax(0, 1fr)"), style);
    }
}
