package invs.conformance.sut;


import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ServiceLoader;

/**
 * A named kind of implementation, found through {@link ServiceLoader}: list an implementing class in
 * {@code META-INF/services/invs.conformance.sut.SystemUnderTestProvider}. The reference implementation
 * is provided as {@code reference}.
 */
public interface SystemUnderTestProvider extends SystemUnderTestFactory {

    /** The name a user selects this implementation by, for example {@code reference}. */
    String name();

    /** One line about the implementation, for listings. */
    String description();

    /** Every provider on the class path, in class-path order. */
    static Vector<SystemUnderTestProvider> all() {
        return Vector.ofAll(ServiceLoader.load(SystemUnderTestProvider.class));
    }

    /** The provider called {@code name}, if one is on the class path. */
    static Option<SystemUnderTestProvider> named(String name) {
        return all().find(provider -> provider.name().equals(name));
    }
}
