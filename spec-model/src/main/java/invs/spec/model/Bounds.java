package invs.spec.model;

/**
 * The bounds rule of reads and writes (SUBSCRIBE_1_INVAL, SUBSCRIBE_2_INVAL): an access of
 * {@code length} bytes at an unsigned 64-bit {@code offset} is within a region of {@code size} bytes iff
 * not ({@code offset >= size || length > size || offset + length > size}); an access that ends exactly
 * at the end of the region is within it.
 */
final class Bounds {
    private Bounds() {
    }

    static boolean within(long offset, int length, int size) {
        if (Long.compareUnsigned(offset, size) >= 0 || length > size) {
            return false;
        }
        return offset + length <= size;
    }
}
