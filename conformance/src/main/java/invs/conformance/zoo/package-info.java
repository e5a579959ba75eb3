/**
 * The bug zoo: deliberately wrong implementations ({@link invs.conformance.zoo.Mutant}), each the reference
 * with one realistic bug of a {@link invs.conformance.zoo.BugClass}, by which the engine proves that it bites.
 *
 * <p>May use: {@code reference}, {@code shadow}, the system-under-test API, the vocabulary and {@code invs.impl}.
 */
package invs.conformance.zoo;
