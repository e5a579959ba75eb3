package invs.conformance.report;

/**
 * A labelled value {@code report.html} shows in a list of facts.
 *
 * @param label what the value is
 * @param value the value, as text
 */
public record Fact(String label, String value) {
}
