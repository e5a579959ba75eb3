package invs.conformance.check;

import invs.spec.AppId;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What a {@link Session} checks: a set of {@link Property properties} ({@link Property#ROBUSTNESS} always
 * among them) and, for {@link Property#ISOLATION}, the subject app whose observations must not depend on
 * the other apps.
 *
 * @param properties the properties, robustness included
 * @param subject    the isolation subject, present iff isolation is checked
 */
public record Checks(Vector<Property> properties, Option<AppId> subject) {

    /** Adds robustness, and checks that a subject is given exactly when isolation is checked. */
    public Checks {
        properties = properties.append(Property.ROBUSTNESS).distinct();
        if (properties.contains(Property.ISOLATION) != subject.isDefined()) {
            throw new IllegalArgumentException("isolation is checked of a subject app, and only then is one given");
        }
    }

    /** The properties checked step by step on generated sequences: lockstep, liveness, durability, robustness. */
    public static Checks online() {
        return of(Property.online());
    }

    /** {@code properties} without isolation (which needs a subject): the checks of an ordinary sequence. */
    public static Checks of(Vector<Property> properties) {
        return new Checks(properties.remove(Property.ISOLATION), Option.none());
    }

    /** Isolation of {@code subject} (and robustness): the checks of an isolation scenario. */
    public static Checks isolationOf(AppId subject) {
        return new Checks(Vector.of(Property.ISOLATION), Option.some(subject));
    }

    /** Robustness only: the system must answer, nothing else is judged (for recording observations). */
    public static Checks answersOnly() {
        return of(Vector.empty());
    }

    /** Whether {@code property} is checked. */
    public boolean checks(Property property) {
        return properties.contains(property);
    }

    /** These checks without {@code property} (robustness stays). */
    public Checks without(Property property) {
        return new Checks(properties.remove(property), property == Property.ISOLATION ? Option.none() : subject);
    }
}
