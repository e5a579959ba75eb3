package invs.conformance.check;

import invs.spec.AppId;
import invs.spec.model.TooManyStates;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What a {@link Session} checks: a set of {@link Property properties} ({@link Property#ROBUSTNESS} always
 * among them) and, for {@link Property#ISOLATION}, the subject app whose observations must not depend on
 * the other apps.
 *
 * @param properties the properties, robustness included
 * @param subject    the isolation subject, present iff isolation is checked
 * @param stepBound  the most states one step of the specification makes before lockstep gives up
 *                   ({@link TooManyStates}; {@link TooManyStates#STEP_BOUND} unless told otherwise)
 */
public record Checks(Vector<Property> properties, Option<AppId> subject, int stepBound) {

    /**
     * Adds robustness, and checks that a subject is given exactly when isolation is checked and that the
     * step bound is positive.
     */
    public Checks {
        properties = properties.append(Property.ROBUSTNESS).distinct();
        if (properties.contains(Property.ISOLATION) != subject.isDefined()) {
            throw new IllegalArgumentException("isolation is checked of a subject app, and only then is one given");
        }
        if (stepBound < 1) {
            throw new IllegalArgumentException("a step bound is at least 1 state: " + stepBound);
        }
    }

    /** These properties and subject, with the specification's default step bound. */
    public Checks(Vector<Property> properties, Option<AppId> subject) {
        this(properties, subject, TooManyStates.STEP_BOUND);
    }

    /** These checks, with lockstep following at most {@code bound} states a step. */
    public Checks withStepBound(int bound) {
        return new Checks(properties, subject, bound);
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
        return new Checks(properties.remove(property), property == Property.ISOLATION ? Option.none() : subject,
                stepBound);
    }
}
