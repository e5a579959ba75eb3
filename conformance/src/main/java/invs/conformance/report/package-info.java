/**
 * Campaign results for machines: {@code report.json} ({@link invs.conformance.report.JsonReport}) and JUnit
 * XML ({@link invs.conformance.report.JunitReport}), and writing them next to the traces
 * ({@link invs.conformance.report.ReportFiles}).
 *
 * <p>May use: {@code campaign}, {@code coverage}, {@code trace} (configuration codec), Jackson and the JDK's XML writer.
 */
package invs.conformance.report;
