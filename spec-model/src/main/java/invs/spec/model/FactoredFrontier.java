package invs.spec.model;

import invs.spec.AppId;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Tick;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Frontier} held as {@link StateProduct products}: the same states, allowing and rejecting the
 * same observations, at a cost that grows with the parts it holds rather than the states (the apps'
 * choices multiply; their parts add up). Where apps whose upcalls are not seen each leave several
 * possibilities open, a frontier of hundreds of states is a few dozen parts. A narrow frontier (most are
 * a state or two) is held as a {@link Frontier} and stepped as one ({@link #FACTOR_ABOVE}).
 *
 * <p>How products step (the specification's rules are {@link Specification}'s, unchanged):
 * <ul>
 *   <li>An input an app makes or a restart of it, in a product where allocations cannot compete for
 *       space ({@link Completion#allocationsMayCompete}): each of that app's parts is stepped once, in
 *       the state {@link StateProduct#standingFor stands for} it (other apps' parts are not read by any rule
 *       then: only allocation and the shared regions and faults tie apps, and the product shares those).
 *       Each allowed outcome gives a product with that app's part replaced, the regions it left, and the
 *       fault it used counted against the part. The other apps' parts stay as they are: renumbering the
 *       epochs ({@link SystemState#withEpochsRenumbered}) forgets a read only where its region changed, and
 *       an app reads and changes its own region only, which no other app owns (a configuration gives each
 *       write id one app).</li>
 *   <li>A tick changes nothing; an injected fault arms one more in every state
 *       ({@link StateProduct#withFaultArmed}).</li>
 *   <li>Anything else (a reboot, a drain, an app's input where allocations may compete): the product's
 *       states are stepped one by one, as {@link Frontier} does, duplicates and subsumed states left out.</li>
 * </ul>
 * Products with the same regions, budget and other apps' parts are then merged, their stepped app's parts
 * joined; of two parts with the same app state the one that used fewer faults is kept (its states subsume
 * the other's: {@link Subsumption}). The same state may be held by two products: that costs time, never
 * correctness.
 */
public final class FactoredFrontier {
    /**
     * A frontier of more states than this is held as products; while narrower it is a {@link Frontier}, which
     * steps its few states at less cost (most frontiers are a state or two). Once held as products, it is a
     * {@link Frontier} again when it holds at most a quarter as many.
     */
    static final int FACTOR_ABOVE = 32;
    /** At most this many states are listed where a caller asks for them ({@link #states}). */
    private static final int LISTED = 1 << 16;

    private final Specification specification;
    private final int factorAbove;
    /** The states, while the frontier is narrow; null while it is held as products. */
    private final Frontier plain;
    /** The products, while the frontier is wide; empty while it is narrow. */
    private final Vector<StateProduct> products;
    /** This frontier as a step's answer, once made ({@link #unchanged}). */
    private Either<Divergence, FactoredFrontier> itself;

    private FactoredFrontier(Specification specification, int factorAbove, Frontier plain, Vector<StateProduct> products) {
        this.specification = specification;
        this.factorAbove = factorAbove;
        this.plain = plain;
        this.products = products;
    }

    /** The frontier at first power-on. */
    public static FactoredFrontier start(Specification specification) {
        return start(specification, FACTOR_ABOVE);
    }

    /** The frontier at first power-on, held as products once it holds more than {@code factorAbove} states. */
    static FactoredFrontier start(Specification specification, int factorAbove) {
        return new FactoredFrontier(specification, factorAbove, Frontier.start(specification), Vector.empty());
    }

    /** The specification. */
    public Specification specification() {
        return specification;
    }

    /**
     * How many states the frontier holds (held as products, a state two products hold counts twice;
     * {@link Long#MAX_VALUE} when more than a long counts).
     */
    public long width() {
        if (plain != null) {
            return plain.states().size();
        }
        long width = 0;
        for (StateProduct product : products) {
            width = StateProduct.cappedSum(width, product.width());
        }
        return width;
    }

    /** How many app states the frontier holds together (each state holds one per app): what a step costs, at most. */
    public int held() {
        if (plain != null) {
            return plain.states().size() * specification.configuration().apps().size();
        }
        int held = 0;
        for (StateProduct product : products) {
            held += product.held();
        }
        return held;
    }

    /** The products (each state its own while the frontier is narrow), for tests and measurements. */
    Vector<StateProduct> products() {
        return plain != null ? plain.states().map(StateProduct::of) : products;
    }

    /** A state consistent with everything observed so far. */
    public SystemState first() {
        if (plain != null) {
            return plain.states().head();
        }
        return products.head().states(1).head();
    }

    /** The frontier's states (up to 65,536 of them), product by product: for reports, never for checking. */
    public Vector<SystemState> states() {
        if (plain != null) {
            return plain.states();
        }
        Vector<SystemState> states = Vector.empty();
        for (StateProduct product : products) {
            states = states.appendAll(product.states(LISTED - states.size()));
            if (states.size() >= LISTED) {
                break;
            }
        }
        return states;
    }

    /** Every outcome any of the frontier's states (as {@link #states} lists them) allows for {@code input}. */
    public Vector<Outcome> allowed(Input input) {
        return plain != null ? plain.allowed(input) : states().flatMap(state -> specification.step(state, input));
    }

    /** This frontier, as the answer to a step that left it as it was (made once: most steps leave it so). */
    private Either<Divergence, FactoredFrontier> unchanged() {
        Either<Divergence, FactoredFrontier> same = itself;
        if (same == null) {
            same = Either.right(this);
            itself = same;
        }
        return same;
    }

    /** A frontier of these states: as products if they are more than {@link #factorAbove}. */
    private FactoredFrontier ofPlain(Frontier states, int slot) {
        if (states.states().size() <= factorAbove) {
            return states == plain ? this : new FactoredFrontier(specification, factorAbove, states, Vector.empty());
        }
        ProductJoin join = new ProductJoin(slot, specification.completion());
        states.states().forEach(join::addState);
        return new FactoredFrontier(specification, factorAbove, null, join.products());
    }

    /** A frontier of these products: as states if they hold at most a quarter of {@link #factorAbove}. */
    private FactoredFrontier ofProducts(Vector<StateProduct> next) {
        FactoredFrontier factored = new FactoredFrontier(specification, factorAbove, null, next);
        long width = factored.width();
        return width > factorAbove / 4 ? factored
                : new FactoredFrontier(specification, factorAbove, Frontier.of(specification, factored.states()), Vector.empty());
    }

    /**
     * The frontier after {@code input} was answered by {@code observation}, or the divergence when no
     * consistent state allows it.
     *
     * @throws TooManyStates when the step makes more states or parts than the specification's
     *                       {@linkplain Specification#stepBound() bound}, or would step more states than that one
     *                       by one
     */
    public Either<Divergence, FactoredFrontier> advance(Input input, Observation observation) {
        if (plain != null) {
            Either<Divergence, Frontier> next = plain.advance(input, observation);
            if (next.isLeft()) {
                return Either.left(next.getLeft());
            }
            if (next.get() == plain) {
                return unchanged();
            }
            return Either.right(ofPlain(next.get(), input.concernedApp().map(AppId::slot).getOrElse(0)));
        }
        if (input instanceof Tick || input instanceof FlashFault) {
            // Every state answers these alike; a fault is armed in every state.
            Outcome any = specification.outcomes(first(), input).get(0);
            if (!any.admits(observation)) {
                return Either.left(new Divergence(input, observation, allowed(input)));
            }
            return input instanceof Tick ? unchanged()
                    : Either.right(ofProducts(products.flatMap(StateProduct::withFaultArmed)));
        }
        Option<AppId> concerned = input.concernedApp();
        ProductJoin join = new ProductJoin(concerned.map(AppId::slot).getOrElse(0), specification.completion());
        List<SystemState> loose = new ArrayList<>();
        boolean unchanged = true;
        for (StateProduct product : products) {
            boolean byParts = product.single() == null && concerned.isDefined()
                    && !specification.completion().allocationsMayCompete(product.regions());
            if (byParts && stepParts(product, concerned.get().slot(), input, observation, join)) {
                unchanged = false;
            } else {
                unchanged &= stepStates(product, input, observation, loose);
            }
        }
        if (unchanged) {
            // Every product (each one state) allowed only itself: as Frontier does, the frontier is kept as it is.
            return unchanged();
        }
        if (!loose.isEmpty()) {
            for (SystemState state : Frontier.reduced(Vector.ofAll(loose), specification.completion())) {
                join.addState(state);
            }
        }
        Vector<StateProduct> next = join.products();
        if (next.isEmpty()) {
            return Either.left(new Divergence(input, observation, allowed(input)));
        }
        return Either.right(ofProducts(next));
    }

    /**
     * Steps each of the parts of app {@code slot} in {@code product} once, into {@code join}; false, with
     * nothing joined, if an outcome changed another app (it cannot where allocations do not compete; the
     * product is then stepped state by state).
     */
    private boolean stepParts(StateProduct product, int slot, Input input, Observation observation, ProductJoin join) {
        List<SystemState> after = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        boolean unchanged = true;
        for (StateProduct.Part part : product.parts().get(slot)) {
            SystemState standing = product.standingFor(slot, part);
            int before = after.size();
            Array<Outcome> outcomes = specification.outcomes(standing, input);
            for (int index = 0; index < outcomes.size(); index++) {
                Outcome outcome = outcomes.get(index);
                if (outcome.admits(observation)) {
                    SystemState taught = outcome.learned(observation);
                    if (!othersAlike(standing, taught, slot)) {
                        return false;
                    }
                    SystemState next = taught.withEpochsRenumbered();
                    after.add(next);
                    used.add(part.used() + standing.armedFaults() - next.armedFaults());
                }
            }
            TooManyStates.check(after.size(), specification.stepBound());
            unchanged &= after.size() == before + 1 && after.get(before).apps().get(slot) == part.app()
                    && after.get(before).regions() == product.regions() && used.get(before) == part.used();
        }
        if (unchanged) {
            join.keep(product);
            return true;
        }
        for (int index = 0; index < after.size(); index++) {
            SystemState next = after.get(index);
            join.addPart(next.regions(), product.budget(), product.parts(),
                    new StateProduct.Part(next.apps().get(slot), used.get(index)));
        }
        return true;
    }

    /** Whether {@code next} holds the same state as {@code before} for every app but the one in {@code slot}. */
    private static boolean othersAlike(SystemState before, SystemState next, int slot) {
        for (int other = 0; other < before.apps().size(); other++) {
            if (other != slot && next.apps().get(other) != before.apps().get(other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Steps each state of {@code product}, as {@link Frontier} does, adding every state that follows to
     * {@code loose}; whether the product is one state that allowed only itself.
     */
    private boolean stepStates(StateProduct product, Input input, Observation observation, List<SystemState> loose) {
        int before = loose.size();
        // Listed first: a product too wide to list is refused before any of it is.
        TooManyStates.check(StateProduct.cappedSum(before, product.width()), specification.stepBound());
        for (SystemState state : product.states(Integer.MAX_VALUE)) {
            Array<Outcome> outcomes = specification.outcomes(state, input);
            for (int index = 0; index < outcomes.size(); index++) {
                Outcome outcome = outcomes.get(index);
                if (outcome.admits(observation)) {
                    loose.add(outcome.after(observation));
                }
            }
            TooManyStates.check(loose.size(), specification.stepBound());
        }
        return product.single() != null && loose.size() == before + 1 && loose.get(before) == product.single();
    }
}
