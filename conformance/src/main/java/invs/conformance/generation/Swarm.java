package invs.conformance.generation;

import invs.spec.Input;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * The features one try may use (swarm testing, Groce et al., ISSTA 2012): a random subset of the plans
 * and of the input kinds, and sometimes an app that never yields. Leaving features out reaches states a
 * uniform mix of everything rarely reaches (long runs without reboots, storage filled without faults,
 * upcalls piling up in a queue nobody reads).
 *
 * @param plans     the plans the try may choose
 * @param events    the kinds of input the try may make
 * @param silentApp an app that never yields in this try, if any
 */
public record Swarm(EnumSet<Plan> plans, EnumSet<EventKind> events, Option<Integer> silentApp) {

    /** Copies the sets and checks that at least one plan is enabled. */
    public Swarm {
        plans = EnumSet.copyOf(plans);
        events = events.isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(events);
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a swarm enables at least one plan");
        }
    }

    /** Every feature: the full mix. */
    public static Swarm everything() {
        return new Swarm(EnumSet.allOf(Plan.class), EnumSet.allOf(EventKind.class), Option.none());
    }

    /**
     * A swarm drawn from {@code seed} for a board of {@code apps} apps: each plan and kind of input kept
     * with probability one half (single random inputs always stay, so that every try can reach anything),
     * and in one try of four an app that never yields.
     */
    public static Swarm draw(long seed, int apps) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5A_57A2_4D5EL);
        EnumSet<Plan> plans = EnumSet.of(Plan.SINGLE);
        for (Plan plan : Plan.values()) {
            if (random.nextBoolean()) {
                plans.add(plan);
            }
        }
        EnumSet<EventKind> events = EnumSet.noneOf(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            if (random.nextBoolean()) {
                events.add(kind);
            }
        }
        Option<Integer> silent = apps > 1 && random.nextInt(4) == 0 ? Option.some(random.nextInt(apps)) : Option.none();
        return new Swarm(plans, events, silent);
    }

    /** Whether this swarm lets a try make {@code input}. */
    public boolean allows(Input input) {
        EventKind kind = EventKind.of(input);
        if (kind != null && !events.contains(kind)) {
            return false;
        }
        return !(input instanceof Yield yield) || !silentApp.contains(yield.app().slot());
    }

    /** Whether every feature is enabled. */
    public boolean isEverything() {
        return plans.size() == Plan.values().length && events.size() == EventKind.values().length && silentApp.isEmpty();
    }

    /** What this swarm leaves out, in words ("everything" when nothing). */
    public String describe() {
        if (isEverything()) {
            return "everything";
        }
        Vector<String> parts = Vector.empty();
        if (events.size() < EventKind.values().length) {
            parts = parts.append("no " + Vector.ofAll(EnumSet.complementOf(events)).map(EventKind::description).mkString(", "));
        }
        if (plans.size() < Plan.values().length) {
            parts = parts.append("plans left out: " + Vector.ofAll(EnumSet.complementOf(plans)).map(Plan::description)
                    .mkString(", "));
        }
        return parts.appendAll(silentApp.map(app -> "app" + app + " never yields")).mkString("; ");
    }

    /** The features left out, as short names (for machine-readable reports). */
    public Vector<String> omitted() {
        return Vector.ofAll(EnumSet.complementOf(events)).map(kind -> "no-" + kind.name().toLowerCase().replace('_', '-'))
                .appendAll(Vector.ofAll(EnumSet.complementOf(plans)).map(plan -> "no-plan-"
                        + plan.name().toLowerCase().replace('_', '-')))
                .appendAll(silentApp.map(app -> "silent-app" + app));
    }
}
