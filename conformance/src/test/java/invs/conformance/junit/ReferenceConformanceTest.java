package invs.conformance.junit;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Profile;
import io.vavr.collection.Vector;

/** The whole conformance suite against the reference implementation, under both readings of the document. */
class ReferenceConformanceTest extends ConformanceContract {
    @Override
    protected SystemUnderTestFactory factory() {
        return new ReferenceProvider();
    }

    @Override
    protected Vector<Profile> profiles() {
        return Vector.of(Profile.DOC, Profile.TOCK);
    }

    @Override
    protected String systemName() {
        return ReferenceProvider.NAME;
    }
}
