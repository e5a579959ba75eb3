/**
 * Generation: seeded, state-aware sequences of inputs ({@link invs.conformance.generation.InputGenerator}
 * with its {@link invs.conformance.generation.Plan}s), swarm testing
 * ({@link invs.conformance.generation.Swarm}), isolation scenarios, and generated boards.
 *
 * <p>May use: the vocabulary, the system-under-test API (capabilities), {@code shadow}, and the shape of
 * isolation scenarios from {@code check}. Generation never sees a system under test: it learns only
 * from observations it is told.
 */
package invs.conformance.generation;
