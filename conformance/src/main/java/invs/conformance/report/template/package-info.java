/**
 * The templates of {@code report.html} ({@code conformance/src/main/jte}), compiled to Java by the jte Maven plugin
 * at build time; {@link invs.conformance.report.HtmlReport} renders them. Nothing here is written by hand.
 *
 * <p>May use: the view types of {@code report} and the jte runtime.
 */
package invs.conformance.report.template;
