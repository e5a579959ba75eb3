package invs.conformance.report;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A counterexample laid out as a message sequence chart, in SVG user units, for {@code report.html}: a lifeline
 * per app and one for the driver; for each step an arrow for the system call and one for its return (for a
 * yield, the upcall that ran, or a dashed "no upcall"); environment events as bands across every lifeline;
 * the diverging step's answer in red, with what was observed and what the specification allowed instead
 * written under it. Lifelines are 220 units apart, closer (down to 120) when many apps would make the chart
 * wider than a page.
 *
 * @param width     the chart's width
 * @param height    the chart's height
 * @param top       where the lifelines start (below their heads)
 * @param headWidth the width of a lifeline's head
 * @param lifelines the lifelines, apps first, the driver last
 * @param arrows    the arrows, step by step
 * @param bands     the environment events and the diverging step's background
 * @param numbers   the step numbers in the left margin
 * @param notes     the lines written under the diverging step
 */
public record SequenceChart(int width, int height, int top, int headWidth, Vector<Lifeline> lifelines, Vector<Arrow> arrows,
                            Vector<Band> bands, Vector<StepNumber> numbers, Vector<Note> notes) {
    static final int MARGIN = 44;
    static final int LANE = 220;
    static final int HEAD = 46;
    static final int CALL_ROW = 56;
    static final int EVENT_ROW = 34;
    /** The extra height of the diverging step, for the lines written under it. */
    static final int NOTE_ROWS = 48;
    /** The width a chart keeps within while its lifelines can be at least {@link #MIN_LANE} apart. */
    static final int PAGE_WIDTH = 1240;
    static final int MIN_LANE = 120;
    /** Labels longer than this many characters are cut (with …); the full text is the arrow's tooltip. */
    static final int LABEL_CHARS = 40;
    /** Lines under the diverging step are cut to this many characters, or more on a wide chart. */
    static final int NOTE_CHARS = 58;

    /**
     * A lifeline.
     *
     * @param x      its horizontal position
     * @param name   the first line of its head ({@code app0}, {@code driver})
     * @param detail the second line ({@code alpha}, the system's name)
     * @param driver whether it is the driver's
     */
    public record Lifeline(int x, String name, String detail, boolean driver) {
    }

    /**
     * An arrow between two lifelines, with its label above it.
     *
     * @param x1    where it starts
     * @param x2    where it ends (the head)
     * @param y     its height
     * @param kind  {@code call}, {@code return}, {@code upcall}, {@code quiet} (no upcall) or {@code wrong} (the divergence)
     * @param label the label, cut to {@link #LABEL_CHARS}
     * @param title the full text, shown as a tooltip
     */
    public record Arrow(int x1, int x2, int y, String kind, String label, String title) {
        /** Where its label is centred. */
        public int labelX() {
            return (x1 + x2) / 2;
        }

        /** The label's baseline, just above the arrow. */
        public int labelY() {
            return y - 5;
        }
    }

    /**
     * A band across the lifelines.
     *
     * @param x      its left edge
     * @param y      its top
     * @param width  its width
     * @param height its height
     * @param kind   {@code event}, {@code wrong-event} (an event where the divergence showed) or {@code diverging} (background)
     * @param label  the event, cut to {@link #LABEL_CHARS} (empty for a background)
     * @param title  the full text
     */
    public record Band(int x, int y, int width, int height, String kind, String label, String title) {
        /** Where its label is centred. */
        public int labelX() {
            return x + width / 2;
        }

        /** Its label's baseline. */
        public int labelY() {
            return y + height / 2 + 4;
        }
    }

    /**
     * A step's number in the margin.
     *
     * @param y         its baseline
     * @param number    the 1-based step number
     * @param diverging whether the divergence showed at this step
     */
    public record StepNumber(int y, int number, boolean diverging) {
    }

    /**
     * A line written under the diverging step.
     *
     * @param x     its left end
     * @param y     its baseline
     * @param kind  {@code observed}, {@code allowed} or {@code clause}
     * @param text  the text, cut to fit
     * @param title the full text
     */
    public record Note(int x, int y, String kind, String text, String title) {
    }

    /** The chart of {@code counterexample} against the system {@code system}. */
    public static SequenceChart of(Counterexample counterexample, String system) {
        int apps = counterexample.apps().size();
        int lane = laneWidth(apps);
        int headWidth = Math.min(190, lane - 12);
        int headChars = (headWidth - 12) / 7;
        Vector<Lifeline> lifelines = Vector.range(0, apps).map(slot -> {
            String[] name = counterexample.apps().get(slot).split(" ", 2);
            String detail = name.length > 1 && !name[1].equals(name[0]) ? name[1] : "";
            return new Lifeline(laneX(slot, lane), name[0], cut(detail, headChars), false);
        }).append(new Lifeline(laneX(apps, lane), "driver 0x50004", cut(system, headChars), true));
        int driver = laneX(apps, lane);
        int overhang = Math.max(Math.min(lane, LANE) / 3, headWidth / 2 + 6);
        int left = laneX(0, lane) - overhang;
        int right = driver + overhang;
        int noteChars = Math.max(NOTE_CHARS, (right - left) / 8);
        Vector<Arrow> arrows = Vector.empty();
        Vector<Band> bands = Vector.empty();
        Vector<StepNumber> numbers = Vector.empty();
        Vector<Note> notes = Vector.empty();
        DivergingStep diverging = counterexample.diverging();
        int y = HEAD + 26;
        for (int index = 0; index < counterexample.steps().size(); index++) {
            Counterexample.Step step = counterexample.steps().get(index);
            boolean wrong = index + 1 == diverging.step();
            int stepHeight = step.kind() == Counterexample.Kind.EVENT ? EVENT_ROW : CALL_ROW;
            numbers = numbers.append(new StepNumber(y + stepHeight / 2, index + 1, wrong));
            if (wrong) {
                bands = bands.append(new Band(4, y - 4, right + 12, stepHeight + NOTE_ROWS, "diverging", "", ""));
                notes = notes.appendAll(notes(diverging, left, y + stepHeight, noteChars));
            }
            if (step.kind() == Counterexample.Kind.EVENT) {
                String label = step.app().isDefined() || step.answer().equals("quiet") ? step.input()
                        : step.input() + " → " + step.answer();
                bands = bands.append(new Band(left, y, right - left, EVENT_ROW - 10, wrong ? "wrong-event" : "event",
                        cut(label, LABEL_CHARS + 20), label));
            } else {
                int app = laneX(step.app().getOrElse(0), lane);
                arrows = arrows.append(new Arrow(app, driver, y + 14, "call", cut(step.input(), LABEL_CHARS), step.input()));
                String answer = answerLabel(step);
                arrows = arrows.append(new Arrow(driver, app, y + 40, wrong ? "wrong" : answerKind(step), cut(answer, LABEL_CHARS),
                        answer));
            }
            y += stepHeight + (wrong ? NOTE_ROWS : 0);
        }
        return new SequenceChart(right + 16, y + 12, HEAD, headWidth, lifelines, arrows, bands, numbers, notes);
    }

    /** The distance between lifelines: narrower when many apps would make the chart wider than a page. */
    private static int laneWidth(int apps) {
        int fitting = (int) ((PAGE_WIDTH - laneX(0, 0) - 16) / (apps + 1.0 / 3));
        return Math.max(MIN_LANE, Math.min(LANE, fitting));
    }

    private static int laneX(int lane, int width) {
        return MARGIN + 90 + lane * width;
    }

    private static String answerKind(Counterexample.Step step) {
        if (step.kind() != Counterexample.Kind.YIELD) {
            return "return";
        }
        return step.upcall().exists(upcall -> !upcall.equals("none")) ? "upcall" : "quiet";
    }

    private static String answerLabel(Counterexample.Step step) {
        if (step.kind() != Counterexample.Kind.YIELD || step.upcall().isEmpty()) {
            return step.answer();
        }
        String upcall = step.upcall().get().equals("none") ? "no upcall" : step.upcall().get();
        Option<String> buffer = step.buffer().filter(bytes -> !bytes.startsWith("0:"));
        return buffer.map(bytes -> upcall + ", buffer " + bytes).getOrElse(upcall);
    }

    /** The lines under the diverging step: what was observed, what was allowed instead, and the clause. */
    private static Vector<Note> notes(DivergingStep diverging, int x, int y, int chars) {
        String observed = "✗ observed: " + withoutEmptyBuffer(diverging.observed());
        String instead = diverging.closest().map(answer -> "allowed: " + withoutEmptyBuffer(answer))
                .getOrElse(() -> diverging.explanation()
                        .find(line -> !line.startsWith("input:") && !line.startsWith("observed:") && !line.startsWith("clause:"))
                        .map(line -> line.replaceFirst("^([a-z]+):\\s+", "$1: ")).getOrElse(""));
        Vector<Note> notes = Vector.of(new Note(x, y + 6, "observed", cut(observed, chars), observed),
                new Note(x, y + 22, "allowed", cut(instead, chars), instead));
        Option<String> clause = diverging.differences().headOption().map(DivergingStep.FieldDifference::clause)
                .orElse(diverging.allowed().headOption().map(DivergingStep.Allowed::clause));
        return clause.map(name -> notes.append(new Note(x, y + 38, "clause", cut("governed by " + name, chars),
                "governed by " + name))).getOrElse(notes);
    }

    /** An observation's text without an empty buffer's {@code , buffer 0:}. */
    private static String withoutEmptyBuffer(String answer) {
        return answer.endsWith(", buffer 0:") ? answer.substring(0, answer.length() - ", buffer 0:".length()) : answer;
    }

    /** {@code text} cut to {@code chars} characters, ending in … when cut. */
    static String cut(String text, int chars) {
        return text.codePointCount(0, text.length()) <= chars ? text
                : text.substring(0, text.offsetByCodePoints(0, chars - 1)) + "…";
    }
}
