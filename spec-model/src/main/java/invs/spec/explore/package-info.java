/**
 * Bounded exhaustive exploration of the specification: every input sequence over a small alphabet up to
 * a depth, every outcome the specification allows, states deduplicated by value, invariants and safety
 * properties checked on every state and transition, shortest paths to violations.
 */
package invs.spec.explore;
