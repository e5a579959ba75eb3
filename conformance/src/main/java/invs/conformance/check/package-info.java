/**
 * The checks: a {@link invs.conformance.check.Session} drives one sequence through a system under test
 * and has the oracle of every checked {@link invs.conformance.check.Property} judge each step
 * (lockstep against the specification, liveness, durability, isolation, robustness). A property is
 * defined in one place, its constant in {@code Property}, which names its oracle.
 *
 * <p>May use: the vocabulary and the model ({@code invs.spec}, {@code invs.spec.model}), the
 * system-under-test API, {@code shadow}, {@code coverage} (counting), {@code trace} (steps), {@code explain}
 * (what a violation shows) and {@code board} ({@code MadeLately}: the starting frontier kept per board).
 */
package invs.conformance.check;
