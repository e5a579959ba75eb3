/**
 * Explaining a divergence to a reader: which field of the observation differs from the closest allowed
 * outcome ({@link invs.conformance.explain.Differences}), buffers shown in full around the differing bytes,
 * and the signature by which failures of one defect fall together ({@link invs.conformance.explain.Signature}).
 *
 * <p>May use: the vocabulary, the model's outcomes and {@code check} (violations).
 */
package invs.conformance.explain;
