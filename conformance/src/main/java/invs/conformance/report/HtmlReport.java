package invs.conformance.report;

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
        return output.toString();
    }
}
