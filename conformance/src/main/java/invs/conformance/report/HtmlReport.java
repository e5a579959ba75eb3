package invs.conformance.report;

import invs.conformance.trace.Utf8Text;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * A campaign's report as {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, fonts or
 * other files) with the summary, the coverage matrix and every cause's counterexample as a message sequence
 * chart. Rendered by the jte templates under {@code conformance/src/main/jte}, compiled to Java at build time
 * (package {@code invs.conformance.report.template}); jte escapes every value for its place in the HTML.
 */
public final class HtmlReport {
    /** The package the jte Maven plugin compiles the templates into. */
    static final String TEMPLATES = "invs.conformance.report.template";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), TEMPLATES);

    private HtmlReport() {
    }

    /** The page of {@code summary}. */
    public static String render(CampaignSummary summary) {
        StringOutput output = new StringOutput(64 * 1024);
        ENGINE.render("report.jte", ReportPage.of(summary), output);
        return printable(output.toString());
    }

    /**
     * {@code html} with every character the text report writes as an escape ({@link Utf8Text#shownAsEscape}:
     * control characters, bidirectional overrides, …) written so ({@code \u001b}), but the line feeds and tabs
     * of the page itself: jte escapes what HTML gives a meaning to, not what a {@code report.json} edited by hand
     * may hold in any text (a description, a rule), which the page shows escaped as a terminal does.
     */
    private static String printable(String html) {
        StringBuilder shown = null;
        for (int index = 0; index < html.length(); index++) {
            char c = html.charAt(index);
            boolean control = Utf8Text.shownAsEscape(c) && c != '\n' && c != '\t';
            if (control && shown == null) {
                shown = new StringBuilder(html.length() + 16).append(html, 0, index);
            }
            if (control) {
                shown.append(String.format("\\u%04x", (int) c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? html : shown.toString();
    }
}
