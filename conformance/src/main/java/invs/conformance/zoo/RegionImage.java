package invs.conformance.zoo;

import java.util.Arrays;
import invs.spec.App;
import io.vavr.control.Option;

/**
 * A region found in a dump of the storage area, laid out as the real capsule lays regions out: a chain of
 * 12-byte headers ({@code version << 24 | length}, owner, check) each followed by the region's bytes.
 *
 * @param image  the dump
 * @param start  where the region's bytes start in it
 * @param length the region's length
 */
record RegionImage(byte[] image, int start, int length) {
    private static final int HEADER = 12;

    /** The region of {@code app}'s write id in {@code storage}, if the chain holds one. */
    static Option<RegionImage> find(byte[] storage, App app) {
        var owner = app.permissions().writeId();
        if (owner.isEmpty()) {
            return Option.none();
        }
        int at = 0;
        while (at + HEADER <= storage.length) {
            int word = word(storage, at);
            int id = word(storage, at + 4);
            if ((word >>> 24) != 1 || word(storage, at + 8) != (word ^ id)) {
                return Option.none();
            }
            int length = word & 0xFF_FFFF;
            if (at + HEADER + length > storage.length) {
                return Option.none();
            }
            if (id == owner.get().value()) {
                return Option.some(new RegionImage(storage, at + HEADER, length));
            }
            at += HEADER + length;
        }
        return Option.none();
    }

    /** A copy of {@code count} bytes of the region from {@code offset}. */
    byte[] bytes(int offset, int count) {
        return Arrays.copyOfRange(image, start + offset, start + offset + count);
    }

    private static int word(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }
}
