package invs.conformance.junit;

import invs.conformance.sut.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;

/** The whole conformance suite against the reference implementation. */
class ReferenceConformanceTest extends ConformanceContract {
    @Override
    protected SystemUnderTestFactory factory() {
        return new ReferenceProvider();
    }

    @Override
    protected String systemName() {
        return ReferenceProvider.NAME;
    }
}
