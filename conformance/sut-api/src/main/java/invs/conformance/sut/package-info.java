/**
 * The system-under-test API: what an implementation of driver 0x50004 implements so that the conformance
 * engine can drive it ({@link invs.conformance.sut.SystemUnderTest}, made by a
 * {@link invs.conformance.sut.SystemUnderTestFactory}, found by name through
 * {@link invs.conformance.sut.SystemUnderTestProvider}), over the specification's vocabulary
 * ({@code invs.spec}: inputs, observations, configurations).
 *
 * <p>It may use only the vocabulary, Vavr and the JDK: a Java adapter that depends on this module pulls in
 * no implementation, no JSON library and no test framework.
 */
package invs.conformance.sut;
