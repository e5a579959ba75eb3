package invs.conformance.shrink;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.DriverNumbers;
import invs.spec.Input;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Boards with regions half the size, and the inputs moved with them: what lets a failure at a region's bounds
 * shrink its buffers too. Halving the region alone would not do: an access that ends at the end of a region
 * of 2,048 bytes needs a buffer of 2,048 bytes, and with a smaller region that buffer no longer ends there.
 * So an offset or a length in the upper half of the region moves down by what the region lost, and one in
 * the lower half stays. Which of an access's offset and length moves decides where it ends, and a value at
 * the middle, or both values in the upper half, could go either way: each way is a candidate of its own
 * (offsets from the middle up and longer lengths; longer offsets and lengths from the middle up; offsets
 * alone; lengths alone), so that an access ending at the end, or one byte past it, still does in one of them.
 * A candidate that would empty a buffer is left out (an empty buffer is no buffer). The storage keeps its
 * count of regions and as many spare bytes as a smaller region leaves room for.
 */
final class SmallerRegions {
    private SmallerRegions() {
    }

    /** Which values a candidate moves: from the middle up, above the middle, or none. */
    private enum Moving {
        FROM_MIDDLE, ABOVE_MIDDLE, NONE;

        boolean moves(long value, int middle) {
            return switch (this) {
                case FROM_MIDDLE -> value >= middle;
                case ABOVE_MIDDLE -> value > middle;
                case NONE -> false;
            };
        }
    }

    /** The ways offsets and lengths move, in the order tried. */
    private static final Vector<Tuple2<Moving, Moving>> WAYS = Vector.of(
            Tuple.of(Moving.FROM_MIDDLE, Moving.ABOVE_MIDDLE), Tuple.of(Moving.ABOVE_MIDDLE, Moving.FROM_MIDDLE),
            Tuple.of(Moving.FROM_MIDDLE, Moving.NONE), Tuple.of(Moving.NONE, Moving.FROM_MIDDLE));

    /**
     * {@code board} with regions half the size (rounded up) and {@code inputs} moved with them, each way they
     * may move, without duplicates; none when the regions are of one byte.
     */
    static Vector<Tuple2<Configuration, Vector<Input>>> halved(Configuration board, Vector<Input> inputs) {
        int size = board.regionSize();
        if (size < 2) {
            return Vector.empty();
        }
        int middle = size / 2;
        int smaller = size - middle;
        long rooms = board.regionCapacity();
        long spare = board.storageLength() - rooms * board.regionFootprint();
        long footprint = board.regionFootprint() - middle;
        Configuration halved;
        try {
            halved = board.withRegionSize(smaller).withStorageLength(rooms * footprint + Math.min(spare, footprint - 1));
        } catch (IllegalArgumentException invalid) {
            return Vector.empty();
        }
        return WAYS.flatMap(way -> moved(inputs, middle, way._1, way._2)).distinct()
                .map(moved -> Tuple.of(halved, moved));
    }

    /** {@code inputs} with the offsets and lengths that {@code offsets} and {@code lengths} move moved; none if a buffer would empty. */
    private static Option<Vector<Input>> moved(Vector<Input> inputs, int middle, Moving offsets, Moving lengths) {
        Vector<Input> moved = inputs.map(input -> moved(input, middle, offsets, lengths));
        boolean emptied = inputs.zip(moved).exists(pair -> length(pair._1) > 0 && length(pair._2) == 0);
        return emptied ? Option.none() : Option.some(moved);
    }

    private static Input moved(Input input, int middle, Moving offsets, Moving lengths) {
        return switch (input) {
            case Command c when (c.number() == DriverNumbers.READ || c.number() == DriverNumbers.WRITE) && c.arg2() == 0
                    && offsets.moves(c.arg1(), middle) -> new Command(c.app(), c.number(), c.arg1() - middle, 0);
            case AllowReadOnly a when lengths.moves(a.data().length(), middle) ->
                    new AllowReadOnly(a.app(), a.number(), Bytes.of(a.data().toArray(), 0, a.data().length() - middle));
            case AllowReadWrite a when lengths.moves(a.length(), middle) ->
                    new AllowReadWrite(a.app(), a.number(), a.length() - middle);
            default -> input;
        };
    }

    /** The length of the buffer {@code input} allows, or -1 when it allows none. */
    private static long length(Input input) {
        return switch (input) {
            case AllowReadOnly a -> a.data().length();
            case AllowReadWrite a -> a.length();
            default -> -1;
        };
    }
}
