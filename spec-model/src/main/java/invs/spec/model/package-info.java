/**
 * The executable specification: an immutable, nondeterministic state machine of driver 0x50004.
 *
 * <p>{@link invs.spec.model.Specification#step} answers every input with all the outcomes the driver
 * document allows; {@link invs.spec.model.Frontier} keeps the set of states consistent with what an
 * implementation has shown, and {@link invs.spec.model.FactoredFrontier} holds the same set, once wide, as
 * products of each app's states; {@link invs.spec.model.Invariants} states what must hold in every state.
 */
package invs.spec.model;
