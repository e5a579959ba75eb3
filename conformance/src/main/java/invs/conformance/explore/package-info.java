/**
 * Bounded exhaustive lockstep checking: the graph the specification's explorer builds, up to its bound,
 * replayed against an implementation by walks and path extensions, each run through a {@code Session}.
 *
 * <p>May use: {@code check} (sessions), {@code explain} (the clause a divergence is filed under),
 * {@code trace} (the steps a session ran), {@code coverage} (the statistics a session counts into), the
 * system-under-test API and the explorer ({@code invs.spec.explore}).
 */
package invs.conformance.explore;
