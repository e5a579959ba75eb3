package invs.spec.model;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What {@link Cells} compute over the pages that hold their bytes ({@link Cells#PAGE} each) and over the
 * unknown positions of a page.
 */
final class CellPages {
    private CellPages() {
    }

    /**
     * The hashes of {@code pages} when there are several (each page hashed once, however many times it is
     * shared): cells of many pages always carry them, and the cells a change makes from them hash again only
     * the pages it touched. Null for one page, whose hash waits for the first use.
     */
    static int[] pageHashes(byte[][] pages) {
        if (pages.length < 2) {
            return null;
        }
        int[] hashes = new int[pages.length];
        for (int page = 0; page < pages.length; page++) {
            hashes[page] = page > 0 && pages[page] == pages[page - 1] ? hashes[page - 1] : pageHash(pages[page]);
        }
        return hashes;
    }

    /** The hash of a page's bytes, never 0 (which marks a page not yet hashed). */
    static int pageHash(byte[] page) {
        int h = Arrays.hashCode(page);
        return h == 0 ? 1 : h;
    }

    /** How many pages hold {@code length} bytes. */
    static int pageCount(int length) {
        return (length + Cells.PAGE - 1) >>> Cells.SHIFT;
    }

    /** Whether every bit of {@code inner} is set in {@code outer}. */
    static boolean contains(BitSet outer, BitSet inner) {
        for (int run = inner.nextSetBit(0); run >= 0; ) {
            int runEnd = inner.nextClearBit(run);
            if (outer.nextClearBit(run) < runEnd) {
                return false;
            }
            run = inner.nextSetBit(runEnd);
        }
        return true;
    }

    /** Whether {@code other} has the value of {@code values} wherever {@code mask} (null: none) leaves it known. */
    static boolean knownAlike(byte[] values, BitSet mask, byte[] other) {
        if (mask == null) {
            return Arrays.equals(values, other);
        }
        int known = 0;
        for (int next = mask.nextSetBit(0); next >= 0; next = mask.nextSetBit(known)) {
            if (!Arrays.equals(values, known, next, other, known, next)) {
                return false;
            }
            known = mask.nextClearBit(next);
        }
        return Arrays.equals(values, known, values.length, other, known, values.length);
    }

    /** A change to the piece of a range that lies in one page ({@link #eachRun}). */
    @FunctionalInterface
    interface Run {
        /** Changes {@code count} bytes from {@code offset} of page {@code page}, read from {@code read} on. */
        void change(int page, int offset, int read, int count);
    }

    /**
     * Calls {@code run} on each piece of {@code [at, at + count)} that lies within one of {@code pages} and
     * within one page of a source read from {@code from} on, in order.
     */
    static void eachRun(byte[][] pages, int at, int count, int from, Run run) {
        for (int to = at, end = at + count; to < end; ) {
            int page = to >>> Cells.SHIFT;
            int offset = to & (Cells.PAGE - 1);
            int read = from + to - at;
            int readOffset = read & (Cells.PAGE - 1);
            int piece = Math.min(end - to, Math.min(pages[page].length - offset, Cells.PAGE - readOffset));
            run.change(page, offset, read, piece);
            to += piece;
        }
    }
}
