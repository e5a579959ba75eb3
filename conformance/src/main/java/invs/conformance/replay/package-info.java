/**
 * Exact replay of trace files on a system under test or against the specification alone
 * ({@link invs.conformance.replay.Replay}), and a finding turned into JUnit source
 * ({@link invs.conformance.replay.RegressionTestSource}, which writes text from the trace only as
 * {@link invs.conformance.replay.JavaSyntax} says).
 *
 * <p>May use: {@code check} (sessions), {@code trace}, {@code campaign} (findings) and the system-under-test API.
 */
package invs.conformance.replay;
