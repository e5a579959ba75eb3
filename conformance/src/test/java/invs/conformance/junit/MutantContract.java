package invs.conformance.junit;

import invs.conformance.sut.SystemUnderTestFactory;
import invs.conformance.zoo.Zoo;

/** The contract suite over a bug-zoo mutant, for tests that call its tests directly. */
final class MutantContract {
    private MutantContract() {
    }

    /** The contract over the mutant called {@code mutant}. */
    static ConformanceContract over(String mutant) {
        return new ConformanceContract() {
            @Override
            protected SystemUnderTestFactory factory() {
                return Zoo.named(mutant).get();
            }
        };
    }
}
