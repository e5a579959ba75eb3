/**
 * Boards: named configurations, the standard ones every campaign knows
 * ({@link invs.conformance.board.StandardConfigurations}) and generated ones drawn from the configuration
 * space with weight on its edges ({@link invs.conformance.board.BoardGenerator}).
 *
 * <p>May use: the vocabulary only.
 */
package invs.conformance.board;
