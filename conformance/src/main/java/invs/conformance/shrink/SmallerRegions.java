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
 * A board with regions half the size, and the inputs moved with it: what lets a failure at a region's bounds
 * shrink its buffers too. Halving the region alone would not do: an access that ends at the end of a region
 * of 2,048 bytes needs a buffer of 2,048 bytes, and with a smaller region that buffer no longer ends there.
 * So each offset and length of the inputs (a read's or write's offset, an allow's length) keeps its distance
 * to whichever end of the region it is nearer: up to half the region it stays as it is, beyond that it moves
 * down by what the region lost (an access ending at the end, or one byte past it, still does). The storage
 * keeps its count of regions and as many spare bytes as a smaller region leaves room for.
 */
final class SmallerRegions {
    private SmallerRegions() {
    }

    /** {@code board} with regions half the size and {@code inputs} moved with them; none when the regions are of one byte. */
    static Option<Tuple2<Configuration, Vector<Input>>> halved(Configuration board, Vector<Input> inputs) {
        int size = board.regionSize();
        if (size < 2) {
            return Option.none();
        }
        int smaller = size / 2;
        long rooms = board.regionCapacity();
        long spare = board.storageLength() - rooms * board.regionFootprint();
        long footprint = board.regionFootprint() - (size - smaller);
        try {
            Configuration halved = board.withRegionSize(smaller)
                    .withStorageLength(rooms * footprint + Math.min(spare, footprint - 1));
            return Option.some(Tuple.of(halved, inputs.map(input -> moved(input, size, smaller))));
        } catch (IllegalArgumentException invalid) {
            return Option.none();
        }
    }

    /** {@code input} with its offset or length moved from a region of {@code size} bytes to one of {@code smaller}. */
    private static Input moved(Input input, int size, int smaller) {
        return switch (input) {
            case Command c when (c.number() == DriverNumbers.READ || c.number() == DriverNumbers.WRITE) && c.arg2() == 0 ->
                    new Command(c.app(), c.number(), moved(c.arg1(), size, smaller), 0);
            case AllowReadOnly a -> new AllowReadOnly(a.app(), a.number(),
                    Bytes.of(a.data().toArray(), 0, (int) moved(a.data().length(), size, smaller)));
            case AllowReadWrite a -> new AllowReadWrite(a.app(), a.number(), (int) moved(a.length(), size, smaller));
            default -> input;
        };
    }

    /** {@code value}, an offset or a length in a region of {@code size} bytes, in one of {@code smaller}. */
    static long moved(long value, int size, int smaller) {
        return value > size / 2 ? value - (size - smaller) : value;
    }
}
