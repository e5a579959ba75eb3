/**
 * Trace files and the JSON encoding of inputs, observations and configurations they share with the
 * command line and the out-of-process protocol ({@code docs/trace-format.md}); bounded reading of lines
 * ({@link invs.conformance.trace.LineReader}, {@link invs.conformance.trace.TraceLimits}) so that a file
 * or a peer cannot make invs run out of memory.
 *
 * <p>May use: the vocabulary and Jackson.
 */
package invs.conformance.trace;
