package invs.conformance.check;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * A property the engine checks of a system under test, and the oracle that checks it: this enum is the
 * one place a property is defined. Lockstep agreement with the specification is the main one; the others
 * are checked from the implementation's observations alone, so they hold even where the model is
 * generous, and they name the failure in the words of the guarantee broken.
 */
public enum Property {
    /** Every observation is one the specification allows after everything observed before. */
    LOCKSTEP("every observation is one the specification allows") {
        @Override
        Oracle oracle(SessionSetting setting) {
            return new ModelOracle(setting.configuration(), setting.stepBound());
        }
    },
    /** After a drain every accepted operation has delivered exactly one upcall; no upcall without one. */
    LIVENESS("after a drain every accepted operation got exactly one upcall, and no upcall came without one") {
        @Override
        Oracle oracle(SessionSetting setting) {
            return new LivenessOracle(setting.shadow());
        }
    },
    /**
     * Bytes an app has seen in its region (written with a SUCCESS upcall, or read) stay as they are across
     * reboots, restarts, faults and other apps' activity, except where its own later writes go; an
     * interrupted write changes nothing outside its own range.
     */
    DURABILITY("acknowledged and observed bytes persist; an interrupted write changes nothing outside its range") {
        @Override
        Oracle oracle(SessionSetting setting) {
            return new DurabilityOracle(setting.configuration(), setting.shadow());
        }
    },
    /** What one app observes never depends on what another app does. */
    ISOLATION("what one app observes never depends on what other apps do") {
        @Override
        Oracle oracle(SessionSetting setting) {
            return new IsolationOracle(setting);
        }
    },
    /** The implementation answers every input without throwing. */
    ROBUSTNESS("the implementation answers every input without throwing") {
        @Override
        Oracle oracle(SessionSetting setting) {
            return new RobustnessOracle();
        }
    };

    private final String statement;

    Property(String statement) {
        this.statement = statement;
    }

    /** The oracle that checks this property in one session. */
    abstract Oracle oracle(SessionSetting setting);

    /** The property in one sentence. */
    public String statement() {
        return statement;
    }

    /** The lower-case name used in traces and on the command line, for example {@code lockstep}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The property labelled {@code label}, if any. */
    public static Option<Property> ofLabel(String label) {
        return Vector.of(values()).find(property -> property.label().equals(label));
    }

    /** The properties checked step by step on generated sequences (all but {@link #ISOLATION}). */
    public static Vector<Property> online() {
        return Vector.of(LOCKSTEP, LIVENESS, DURABILITY, ROBUSTNESS);
    }
}
