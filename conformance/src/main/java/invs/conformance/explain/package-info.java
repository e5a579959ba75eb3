/**
 * Explaining a divergence to a reader: which field of the observation differs from the closest allowed
 * outcome ({@link invs.conformance.explain.Differences}), buffers shown in full around the differing bytes,
 * the clause that governs that field (for an error shown where another was due, by the order of errors,
 * {@code ErrorPrecedence}), and the earlier steps that decided what the specification expected
 * ({@link invs.conformance.explain.Explanation}).
 *
 * <p>May use: the vocabulary, the model and {@code trace} (steps); the checks use it to file a divergence
 * under the clause of the field that differs.
 */
package invs.conformance.explain;
