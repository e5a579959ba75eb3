/**
 * Shrinking: a failing run reduced to a short one that fails the same way
 * ({@link invs.conformance.shrink.Shrinker}), by delta debugging, fewer apps, simpler boards and simpler
 * arguments ({@link invs.conformance.shrink.Simplifications}).
 *
 * <p>May use: the vocabulary and {@code check} (runs and violations). It runs candidates only through the
 * reproduction it is given.
 */
package invs.conformance.shrink;
