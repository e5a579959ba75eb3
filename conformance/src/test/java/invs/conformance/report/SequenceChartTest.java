package invs.conformance.report;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceChartTest {
    private static Counterexample.Step call(int app, String input, String answer) {
        return new Counterexample.Step(Option.some(app), Counterexample.Kind.SYSCALL, input, answer, Option.none(), Option.none());
    }

    private static Counterexample.Step yielded(int app, String upcall, String buffer) {
        return new Counterexample.Step(Option.some(app), Counterexample.Kind.YIELD, "yield", upcall + ", buffer " + buffer,
                Option.some(upcall), Option.some(buffer));
    }

    private static Counterexample.Step event(String input) {
        return new Counterexample.Step(Option.none(), Counterexample.Kind.EVENT, input, "quiet", Option.none(), Option.none());
    }

    private static Counterexample counterexample(int apps, Vector<Counterexample.Step> steps) {
        DivergingStep diverging = new DivergingStep(steps.size(), "app1 yield", "upcall 0 (SUCCESS, 2060, 0), buffer 0:",
                Option.some("upcall 0 (SUCCESS, 2048, 0), buffer 0:"), Vector.empty(), 0,
                Vector.of(new DivergingStep.FieldDifference("argument 1", "2048", "2060", "SUBSCRIBE_0_SUCCESS", "…")),
                Vector.empty(), Vector.of("observed: …"));
        return new Counterexample("everything", "report", Vector.range(0, apps).map(slot -> "app" + slot + " name" + slot), steps,
                diverging);
    }

    @Test
    void callsGoToTheDriverAndAnswersComeBackEventsSpanEveryLifeline() {
        SequenceChart chart = SequenceChart.of(counterexample(3, Vector.of(call(1, "subscribe 0", "SUCCESS"),
                call(1, "command 1 (0x0, 0x0)", "SUCCESS"), event("drain"), yielded(2, "none", "0:"), event("reboot (torn after 0 bytes)"),
                yielded(1, "upcall 0 (SUCCESS, 2060, 0)", "0:"))), "mutant");
        Vector<Integer> lanes = chart.lifelines().map(SequenceChart.Lifeline::x);
        assertEquals(4, lanes.size());
        assertTrue(chart.lifelines().last().driver());
        assertEquals("name1", chart.lifelines().get(1).detail());
        int driver = lanes.last();
        assertEquals(Vector.of("call", "return", "call", "return", "call", "quiet", "call", "wrong"), chart.arrows().map(SequenceChart.Arrow::kind));
        assertEquals(Vector.of(lanes.get(1), driver, lanes.get(1), driver, lanes.get(2), driver, lanes.get(1), driver),
                chart.arrows().map(SequenceChart.Arrow::x1));
        assertEquals("no upcall", chart.arrows().get(5).label());
        Vector<SequenceChart.Band> events = chart.bands().filter(band -> band.kind().equals("event"));
        assertEquals(Vector.of("drain", "reboot (torn after 0 bytes)"), events.map(SequenceChart.Band::label));
        assertTrue(events.forAll(band -> band.x() < lanes.head() && band.x() + band.width() > driver), "across every lifeline");
        assertEquals(Vector.of(false, false, false, false, false, true), chart.numbers().map(SequenceChart.StepNumber::diverging));
        SequenceChart.Band diverging = chart.bands().find(band -> band.kind().equals("diverging")).get();
        SequenceChart.Arrow wrong = chart.arrows().last();
        assertTrue(diverging.y() < wrong.y() && wrong.y() < diverging.y() + diverging.height());
        assertEquals(Vector.of("observed", "allowed", "clause"), chart.notes().map(SequenceChart.Note::kind));
        assertEquals("allowed: upcall 0 (SUCCESS, 2048, 0)", chart.notes().get(1).text());
        assertEquals("governed by SUBSCRIBE_0_SUCCESS", chart.notes().get(2).text());
        assertTrue(chart.notes().forAll(note -> note.y() > wrong.y() && note.y() < diverging.y() + diverging.height()), "under the step");
        assertTrue(chart.arrows().forAll(arrow -> arrow.y() < chart.height()) && driver < chart.width());
    }

    @Test
    void manyAppsBringTheLifelinesCloserAndLongTextsAreCut() {
        String longInput = "allow-ro 0 723:2f0f7e82cec2ed493f50a408ca81e15e…";
        SequenceChart few = SequenceChart.of(counterexample(2, Vector.of(call(1, longInput, "SUCCESS"),
                yielded(0, "upcall 0 (SUCCESS, 2060, 0)", "0:"))), "s");
        SequenceChart many = SequenceChart.of(counterexample(8, Vector.of(call(7, longInput, "SUCCESS"),
                yielded(0, "upcall 0 (SUCCESS, 2060, 0)", "0:"))), "a system with a name far too long for a head");
        int fewLane = few.lifelines().get(1).x() - few.lifelines().get(0).x();
        int manyLane = many.lifelines().get(1).x() - many.lifelines().get(0).x();
        assertEquals(SequenceChart.LANE, fewLane);
        assertTrue(manyLane < fewLane && manyLane >= SequenceChart.MIN_LANE, String.valueOf(manyLane));
        assertTrue(many.width() <= SequenceChart.PAGE_WIDTH + 20, String.valueOf(many.width()));
        assertTrue(many.headWidth() < manyLane, "heads do not overlap");
        assertTrue(many.arrows().head().label().endsWith("…"), many.arrows().head().label());
        assertEquals(SequenceChart.LABEL_CHARS, few.arrows().head().label().codePointCount(0, few.arrows().head().label().length()));
        assertEquals(longInput, many.arrows().head().title());
        assertTrue(many.lifelines().last().detail().endsWith("…"));
    }

    /** The advance of a character of the chart's 12-pixel monospace text: 0.6 em in the usual monospace fonts. */
    private static final double ADVANCE = 0.6 * 12;

    private static double width(String text) {
        return text.codePointCount(0, text.length()) * ADVANCE;
    }

    /**
     * Every arrow's label, as wide as the font draws it, lies over its arrow and between two lifelines, crossing
     * none of them, whether the arrow comes from the app next to the driver or from one further away, with few
     * apps or many; event labels and the lines under the diverging step stay within their bands.
     */
    @Test
    void labelsStayOverTheirArrowsBetweenTwoLifelines() {
        String longInput = "allow-ro 0 723:2f0f7e82cec2ed493f50a408ca81e15e…";
        for (int apps : new int[] {1, 2, 3, 5, 8}) {
            Vector<Counterexample.Step> steps = Vector.of(call(0, "subscribe 0", "SUCCESS"), call(apps - 1, longInput, "SUCCESS"),
                    call(0, "command 3 (0x7eb, 0x0)", "SUCCESS"), event("reboot (torn after 1234567 bytes of the write)"),
                    yielded(0, "upcall 0 (SUCCESS, 8192, 0)", "16:00112233445566778899aabbccddeeff"));
            SequenceChart chart = SequenceChart.of(counterexample(apps, steps), "a system");
            Vector<Integer> lifelines = chart.lifelines().map(SequenceChart.Lifeline::x);
            for (SequenceChart.Arrow arrow : chart.arrows()) {
                double from = arrow.labelX() - width(arrow.label()) / 2;
                double to = arrow.labelX() + width(arrow.label()) / 2;
                String where = apps + " apps: '" + arrow.label() + "' from " + from + " to " + to + ", lifelines at " + lifelines;
                assertTrue(from > Math.min(arrow.x1(), arrow.x2()) && to < Math.max(arrow.x1(), arrow.x2()), "over its arrow: " + where);
                assertTrue(lifelines.forAll(x -> x < from - 2 || x > to + 2), "between two lifelines: " + where);
            }
            for (SequenceChart.Band band : chart.bands().filter(band -> !band.label().isEmpty())) {
                assertTrue(band.labelX() - width(band.label()) / 2 > band.x()
                        && band.labelX() + width(band.label()) / 2 < band.x() + band.width(), apps + " apps: " + band.label());
            }
            SequenceChart.Band diverging = chart.bands().find(band -> band.kind().equals("diverging")).get();
            assertTrue(chart.notes().forAll(note -> note.x() + width(note.text()) < diverging.x() + diverging.width()),
                    apps + " apps: " + chart.notes());
            assertTrue(chart.width() <= SequenceChart.PAGE_WIDTH, apps + " apps: " + chart.width());
        }
    }

    @Test
    void anotherPropertysFindingSaysWhatWasExpectedUnderTheStep() {
        DivergingStep isolation = new DivergingStep(2, "app1 command 2 (0x0, 0x0)", "SUCCESS", Option.none(), Vector.empty(), 0,
                Vector.empty(), Vector.empty(), Vector.of("input:    app1 command 2 (0x0, 0x0)", "observed: SUCCESS",
                "expected: FAILURE BUSY (what app1 observes when the other apps do nothing)", "clause:   INTRO_REGION […]"));
        SequenceChart chart = SequenceChart.of(new Counterexample("everything", "report", Vector.of("app0", "app1"),
                Vector.of(call(1, "command 2 (0x0, 0x0)", "SUCCESS"), call(1, "command 2 (0x0, 0x0)", "SUCCESS")), isolation), "s");
        assertEquals(Vector.of("observed", "allowed"), chart.notes().map(SequenceChart.Note::kind));
        assertEquals("✗ observed: SUCCESS", chart.notes().get(0).text());
        assertEquals("expected: FAILURE BUSY (what app1 observes when the other apps do nothing)", chart.notes().get(1).title());
    }
}
