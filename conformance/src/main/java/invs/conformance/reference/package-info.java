/**
 * The reference implementation as a system under test: {@link invs.conformance.reference.ReferenceSystem}
 * drives a board of {@code invs.impl} built by {@link invs.conformance.reference.BoardMapping}, and
 * {@link invs.conformance.reference.ReferenceProvider} offers it by the name {@code reference}.
 *
 * <p>The only engine package that sees {@code invs.impl}, apart from the zoo built on it.
 */
package invs.conformance.reference;
