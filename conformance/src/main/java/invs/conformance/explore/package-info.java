/**
 * Bounded exhaustive lockstep checking: every input sequence the specification's explorer reaches, up to
 * its bound, replayed against an implementation.
 */
package invs.conformance.explore;
