/**
 * The JUnit 5 contract suite: extend {@link invs.conformance.junit.ConformanceContract} with a factory for an
 * implementation and JUnit runs campaigns, isolation scenarios, interruption scenarios and the upstream test
 * apps against it; {@link invs.conformance.junit.ConformanceAssertions} holds the assertions emitted
 * regression tests use.
 *
 * <p>May use the engine (campaign, check, replay, board, generation, coverage, trace) and JUnit; never an implementation.
 */
package invs.conformance.junit;
