/**
 * Campaign reports in every form but the terminal's: the model of a report ({@link invs.conformance.report.CampaignSummary},
 * made from a campaign's result or read back), {@code report.json} ({@link invs.conformance.report.JsonReport},
 * {@link invs.conformance.report.JsonReportReader}), JUnit XML ({@link invs.conformance.report.JunitReport}),
 * {@code report.html} ({@link invs.conformance.report.HtmlReport}, with its coverage matrix and message sequence
 * charts), merging the reports of a campaign's shards ({@link invs.conformance.report.ShardMerge}), and writing the
 * files next to the traces ({@link invs.conformance.report.ReportFiles}).
 *
 * <p>May use: {@code campaign}, {@code coverage}, {@code explain}, {@code check}, {@code board}, {@code trace}
 * (configuration codec), the vocabulary and the model ({@code invs.spec.model}),
 * Jackson, the JDK's XML writer and the jte runtime (templates are loaded by name, so {@code report.template} is not
 * a compile-time dependency).
 */
package invs.conformance.report;
