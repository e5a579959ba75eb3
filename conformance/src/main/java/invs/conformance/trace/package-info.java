/**
 * Trace files: a header (the board, the seed, the system, the property broken) and one JSON line per step
 * (input, observation, note), read and written exactly ({@link invs.conformance.trace.TraceCodec}); the same
 * codecs encode configurations, inputs and observations for the out-of-process protocol.
 *
 * <p>May use: the vocabulary and Jackson.
 */
package invs.conformance.trace;
