/**
 * Coverage and statistics: the driver document's (operation, outcome) pairs
 * ({@link invs.conformance.coverage.DocumentedOutcome}), the corners generation aims at
 * ({@link invs.conformance.coverage.Corner}), their counts and timings
 * ({@link invs.conformance.coverage.Statistics}), and what a campaign must reach
 * ({@link invs.conformance.coverage.CoverageRequirement}).
 *
 * <p>May use: the vocabulary, {@code shadow} and the system-under-test API (capabilities). Used by the checks (a session counts what it sees) and
 * by campaigns and reports.
 */
package invs.conformance.coverage;
