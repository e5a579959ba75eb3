package invs.conformance.campaign;

import invs.conformance.board.BoardGenerator;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.sut.SystemUnderTestFactory;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the board of each try: the given boards in turn, boards generated from the try's seed, or both
 * (even tries given, odd tries generated). A generated board the system refuses is not a finding: it is
 * counted, and the try draws again (a few times) or falls back to a given board. With a baseline, a generated
 * board the baseline cannot run is drawn again before it is offered to the system (and not counted): a
 * failure on it could not be compared.
 */
final class BoardChoice {
    private static final int DRAWS = 8;

    private final BoardMode mode;
    private final Vector<NamedConfiguration> given;
    private final BoardGenerator generator;
    private final SystemUnderTestFactory factory;
    private final Option<SystemUnderTestFactory> baseline;
    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * A choice among {@code given} (all supported by {@code factory} and by {@code baseline}, if any) and boards
     * of {@code generator}.
     */
    BoardChoice(BoardMode mode, Vector<NamedConfiguration> given, BoardGenerator generator, SystemUnderTestFactory factory,
                Option<SystemUnderTestFactory> baseline) {
        this.mode = given.isEmpty() ? BoardMode.GENERATED : mode;
        this.given = given;
        this.generator = generator;
        this.factory = factory;
        this.baseline = baseline;
    }

    /** The board of try {@code index} with {@code trySeed}; none when no board could be found for it. */
    Option<NamedConfiguration> boardOf(long index, long trySeed) {
        boolean generate = switch (mode) {
            case STANDARD -> false;
            case GENERATED -> true;
            case BOTH -> index % 2 == 1;
        };
        long turn = mode == BoardMode.BOTH ? index / 2 : index;
        if (!generate) {
            return Option.some(given.get((int) (turn % given.size())));
        }
        for (int draw = 0; draw < DRAWS; draw++) {
            NamedConfiguration board = generator.draw(trySeed + draw);
            if (baseline.exists(reference -> !reference.supports(board.configuration()))) {
                continue;
            }
            generated.incrementAndGet();
            if (factory.supports(board.configuration())) {
                return Option.some(board);
            }
            refused.incrementAndGet();
        }
        return given.isEmpty() ? Option.none() : Option.some(given.get((int) (turn % given.size())));
    }

    /** How many generated boards were offered to the system. */
    long generated() {
        return generated.get();
    }

    /** How many of them it refused. */
    long refused() {
        return refused.get();
    }
}
