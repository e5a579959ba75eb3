package invs.conformance.report;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A counterexample laid out as a message sequence chart, in SVG user units, for {@code report.html}: a lifeline
 * per app and one for the driver; for each step an arrow for the system call and one for its return (for a
 * yield, the upcall that ran, or a dashed "no upcall"); environment events as bands across every lifeline;
 * the diverging step's answer in red, with what was observed and what the specification allowed instead
 * written under it. Lifelines are 220 units apart, closer (down to 120) when many apps would make the chart
 * wider than a page. Every arrow goes between an app and the driver, so every arrow crosses the space between
 * the last app's lifeline and the driver's, the message column: the arrows' labels are written there, between
 * two lifelines and over their arrow, and the column is as wide as the longest label needs (labels are cut to
 * fit it). Text widths are estimated from the monospace font's advance ({@link #CHAR_WIDTH}).
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
    /**
     * The width of a character of the chart's 12-pixel monospace text, a little more than the 0.6 em advance
     * of the usual monospace fonts (DejaVu Sans Mono, Menlo, Liberation Mono, SF Mono), so that an estimate
     * is never short.
     */
    static final double CHAR_WIDTH = 7.3;
    /** The room kept between a label and a lifeline (or the edge of a band) on either side. */
    static final int LABEL_GAP = 8;

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
     * @param x1     where it starts
     * @param x2     where it ends (the head)
     * @param y      its height
     * @param kind   {@code call}, {@code return}, {@code upcall}, {@code quiet} (no upcall) or {@code wrong} (the divergence)
     * @param label  the label, cut to fit the message column (and to {@link #LABEL_CHARS})
     * @param title  the full text, shown as a tooltip
     * @param labelX where its label is centred: in the middle of the message column
     */
    public record Arrow(int x1, int x2, int y, String kind, String label, String title, int labelX) {
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
     * @param label  the event, cut to fit the band (empty for a background)
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
        int needed = messageColumn(counterexample.steps());
        int lane = laneWidth(apps, needed);
        // as wide as the labels need, as far as the page allows, and never narrower than a lane
        int column = Math.max(lane, Math.min(needed, PAGE_WIDTH - laneX(apps - 1, lane) - overhang(lane) - 16));
        int headWidth = Math.min(190, lane - 12);
        int headChars = (headWidth - 12) / 7;
        int driver = laneX(apps - 1, lane) + column;
        Vector<Lifeline> lifelines = Vector.range(0, apps).map(slot -> {
            String[] name = counterexample.apps().get(slot).split(" ", 2);
            String detail = name.length > 1 && !name[1].equals(name[0]) ? name[1] : "";
            return new Lifeline(laneX(slot, lane), name[0], cut(detail, headChars), false);
        }).append(new Lifeline(driver, "driver 0x50004", cut(system, headChars), true));
        int overhang = overhang(lane);
        int left = laneX(0, lane) - overhang;
        int right = driver + overhang;
        int labelX = driver - column / 2;
        int labelChars = Math.min(LABEL_CHARS, fitting(column));
        int noteChars = fitting(right + 16 - left);
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
                String label = eventLabel(step);
                bands = bands.append(new Band(left, y, right - left, EVENT_ROW - 10, wrong ? "wrong-event" : "event",
                        cut(label, Math.min(LABEL_CHARS + 20, fitting(right - left))), label));
            } else {
                int app = laneX(step.app().getOrElse(0), lane);
                arrows = arrows.append(new Arrow(app, driver, y + 14, "call", cut(step.input(), labelChars), step.input(), labelX));
                String answer = answerLabel(step);
                arrows = arrows.append(new Arrow(driver, app, y + 40, wrong ? "wrong" : answerKind(step),
                        cut(answer, labelChars), answer, labelX));
            }
            y += stepHeight + (wrong ? NOTE_ROWS : 0);
        }
        return new SequenceChart(right + 16, y + 12, HEAD, headWidth, lifelines, arrows, bands, numbers, notes);
    }

    /** The estimated width of {@code text} in the chart's monospace font. */
    static double textWidth(String text) {
        return text.codePointCount(0, text.length()) * CHAR_WIDTH;
    }

    /** How many characters fit in {@code width} with {@link #LABEL_GAP} kept on either side. */
    private static int fitting(int width) {
        return Math.max(1, (int) ((width - 2 * LABEL_GAP) / CHAR_WIDTH));
    }

    /**
     * The width the message column, between the last app's lifeline and the driver's, needs for the longest
     * label (cut to {@link #LABEL_CHARS}).
     */
    private static int messageColumn(Vector<Counterexample.Step> steps) {
        int longest = steps.filter(step -> step.kind() != Counterexample.Kind.EVENT)
                .flatMap(step -> Vector.of(step.input(), answerLabel(step)))
                .map(label -> Math.min(LABEL_CHARS, label.codePointCount(0, label.length())))
                .max().getOrElse(0);
        return (int) Math.ceil(longest * CHAR_WIDTH) + 2 * LABEL_GAP;
    }

    /**
     * The distance between the apps' lifelines: narrower when many apps and a message column of the width
     * {@code column} would make the chart wider than a page (the overhang on either side included).
     */
    private static int laneWidth(int apps, int column) {
        int room = PAGE_WIDTH - laneX(0, 0) - 16;
        // the overhang is about half a lane; the column is at least a lane
        double fitting = Math.min(room / (apps + 0.5), apps == 1 ? LANE : (room - column) / (apps - 0.5));
        return Math.max(MIN_LANE, Math.min(LANE, (int) fitting));
    }

    /** How far the chart reaches beyond the outer lifelines: room for half a head. */
    private static int overhang(int lane) {
        return Math.max(Math.min(lane, LANE) / 3, Math.min(190, lane - 12) / 2 + 6);
    }

    private static int laneX(int lane, int width) {
        return MARGIN + 90 + lane * width;
    }

    private static String eventLabel(Counterexample.Step step) {
        return step.app().isDefined() || step.answer().equals("quiet") ? step.input() : step.input() + " → " + step.answer();
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
