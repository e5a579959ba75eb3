/**
 * The apps' side of kernel state as inputs and observations show it ({@link invs.conformance.shadow.KernelShadow}):
 * allowed buffers, subscriptions, outstanding operations. Shared by generation, the oracles, coverage and
 * the zoo, so that they agree on what an app has done. Uses only the vocabulary ({@code invs.spec}).
 */
package invs.conformance.shadow;
