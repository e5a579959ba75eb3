package invs.spec.model;

import invs.spec.Bytes;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * An immutable run of bytes, each either known or unknown. Storage holds unknown bytes where a write
 * was interrupted or failed; a read-write buffer holds them where such bytes, or a re-allowed buffer,
 * were copied in. An observation may show any value for an unknown byte.
 *
 * <p>The bytes are held in pages of {@link #PAGE} bytes that are never changed once made: a change copies the
 * pages it touches and shares the others with the cells it was made from. The states of a frontier each hold
 * their own storage, and a region can be megabytes long: a write of a few bytes to one of them then costs a
 * page and the table of pages, not a copy of the region for each state.
 */
public final class Cells {
    /** The bytes of a page (the last page of cells may be shorter). */
    static final int PAGE = 4096;
    /** log2 of {@link #PAGE}. */
    static final int SHIFT = 12;
    private static final byte[][] NO_PAGES = new byte[0][];
    private static final Cells EMPTY = new Cells(0, NO_PAGES, null, null);

    private final int length;
    private final byte[][] pages;
    /**
     * The unknown positions of each page (within the page), null for a page of known bytes; null when every
     * byte is known.
     */
    private final BitSet[] unknown;
    /** The hash, computed on first use (regions are rewritten far more often than hashed); 0 until then. */
    private int hash;
    /**
     * The hash of each page ({@link #pageHash}), null until the first is computed, 0 for a page not yet
     * hashed: the cells made from these by a change keep those of the pages it did not touch.
     */
    private int[] pageHashes;

    /**
     * Cells of {@code length} bytes held in {@code pages}, {@code unknown} as {@link #unknown} (null when every
     * byte is known), with the hashes of pages known already (or null).
     */
    Cells(int length, byte[][] pages, BitSet[] unknown, int[] pageHashes) {
        this.length = length;
        this.pages = pages;
        this.unknown = unknown;
        this.pageHashes = pageHashes;
    }

    /** No bytes. */
    public static Cells empty() {
        return EMPTY;
    }

    /** {@code length} known bytes of value {@code value} (one page shared by all of them). */
    public static Cells filled(int length, int value) {
        if (length == 0) {
            return EMPTY;
        }
        byte[][] pages = new byte[CellPages.pageCount(length)][];
        byte[] full = new byte[Math.min(PAGE, length)];
        Arrays.fill(full, (byte) value);
        Arrays.fill(pages, full);
        int last = length - (pages.length - 1) * PAGE;
        if (last != full.length) {
            pages[pages.length - 1] = Arrays.copyOf(full, last);
        }
        return new Cells(length, pages, null, CellPages.pageHashes(pages));
    }

    /** The known bytes of {@code bytes}. */
    public static Cells known(Bytes bytes) {
        if (bytes.isEmpty()) {
            return EMPTY;
        }
        byte[][] pages = new byte[CellPages.pageCount(bytes.length())][];
        for (int page = 0; page < pages.length; page++) {
            pages[page] = new byte[Math.min(PAGE, bytes.length() - page * PAGE)];
            bytes.copyTo(page * PAGE, pages[page], 0, pages[page].length);
        }
        return new Cells(bytes.length(), pages, null, CellPages.pageHashes(pages));
    }

    /** How many bytes. */
    public int length() {
        return length;
    }

    /** Whether byte {@code index} is known. */
    public boolean isKnown(int index) {
        if (unknown == null) {
            return true;
        }
        BitSet page = unknown[index >>> SHIFT];
        return page == null || !page.get(index & (PAGE - 1));
    }

    /** Whether every byte is known. */
    public boolean allKnown() {
        return unknown == null;
    }

    /** Whether any byte in {@code [from, from + count)} is unknown. */
    public boolean anyUnknown(int from, int count) {
        if (unknown == null || count <= 0) {
            return false;
        }
        for (int at = Math.max(0, from), end = (int) Math.min((long) from + count, length); at < end;
             at = (at & -PAGE) + PAGE) { // bytes outside the cells are none of them unknown
            BitSet page = unknown[at >>> SHIFT];
            if (page != null) {
                int next = page.nextSetBit(at & (PAGE - 1));
                if (next >= 0 && (at & -PAGE) + next < end) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many bytes are unknown. */
    int unknownCount() {
        int count = 0;
        if (unknown != null) {
            for (BitSet page : unknown) {
                count += page == null ? 0 : page.cardinality();
            }
        }
        return count;
    }

    /** Whether exactly the same bytes are unknown here as in {@code other} (of the same length). */
    boolean sameUnknownAs(Cells other) {
        return Arrays.equals(unknown, other.unknown);
    }

    /**
     * The bytes unknown in {@code other} (of the same length) but known here; null when a byte unknown here
     * is known there.
     */
    BitSet unknownOnlyIn(Cells other) {
        if (other.length != length) {
            return null;
        }
        BitSet only = new BitSet();
        for (int page = 0; page < pages.length; page++) {
            BitSet mine = unknownPage(page);
            BitSet theirs = other.unknownPage(page);
            if (mine != null && (theirs == null || !CellPages.contains(theirs, mine))) {
                return null;
            }
            if (theirs != null) {
                for (int bit = theirs.nextSetBit(0); bit >= 0; bit = theirs.nextSetBit(bit + 1)) {
                    if (mine == null || !mine.get(bit)) {
                        only.set(page * PAGE + bit);
                    }
                }
            }
        }
        return only;
    }

    /** A hash of which bytes are unknown, equal wherever {@link #sameUnknownAs} holds. */
    int unknownHash() {
        return unknown == null ? 0 : Arrays.hashCode(unknown);
    }

    /** The value of known byte {@code index}. */
    public byte value(int index) {
        if (!isKnown(index)) {
            throw new IllegalStateException("byte " + index + " is unknown");
        }
        return pages[index >>> SHIFT][index & (PAGE - 1)];
    }

    /** These cells with {@code [at, at + count)} set to the known bytes {@code source[from, from + count)}. */
    public Cells write(int at, Bytes source, int from, int count) {
        if (count == 0) {
            return this;
        }
        Objects.checkFromIndexSize(at, count, length);
        CellEdit change = new CellEdit(length, pages, unknown, pageHashes);
        CellPages.eachRun(pages, at, count, from, (page, offset, read, run) -> {
            source.copyTo(read, change.page(page), offset, run);
            change.known(page, offset, run);
        });
        return change.made();
    }

    /** These cells with {@code [at, at + count)} set to {@code source[from, from + count)}, unknown bytes included. */
    public Cells copyFrom(int at, Cells source, int from, int count) {
        if (count == 0) {
            return this;
        }
        Objects.checkFromIndexSize(at, count, length);
        Objects.checkFromIndexSize(from, count, source.length);
        CellEdit change = new CellEdit(length, pages, unknown, pageHashes);
        CellPages.eachRun(pages, at, count, from, (page, offset, read, run) -> {
            int readOffset = read & (PAGE - 1);
            System.arraycopy(source.pages[read >>> SHIFT], readOffset, change.page(page), offset, run);
            change.known(page, offset, run);
            BitSet unknownThere = source.unknownPage(read >>> SHIFT);
            int end = readOffset + run;
            for (int bit = unknownThere == null ? -1 : unknownThere.nextSetBit(readOffset); bit >= 0 && bit < end;
                 bit = unknownThere.nextSetBit(bit + 1)) {
                change.unknown(page, offset + bit - readOffset, 1);
            }
        });
        return change.made();
    }

    /** These cells with {@code [from, from + count)} unknown. */
    public Cells forget(int from, int count) {
        if (count <= 0) {
            return this;
        }
        Objects.checkFromIndexSize(from, count, length);
        CellEdit change = new CellEdit(length, pages, unknown, pageHashes);
        CellPages.eachRun(pages, from, count, from, (page, offset, read, run) -> {
            Arrays.fill(change.page(page), offset, offset + run, (byte) 0);
            change.unknown(page, offset, run);
        });
        return change.made();
    }

    /** Whether {@code observed} could be these cells: same length, and equal wherever a byte is known. */
    public boolean admits(Bytes observed) {
        if (observed.length() != length) {
            return false;
        }
        for (int page = 0; page < pages.length; page++) {
            byte[] values = pages[page];
            BitSet mask = unknownPage(page);
            int start = page * PAGE;
            if (mask == null) {
                if (!observed.equalsRange(start, values, 0, values.length)) {
                    return false;
                }
                continue;
            }
            int known = 0;
            for (int next = mask.nextSetBit(0); next >= 0; next = mask.nextSetBit(known)) {
                if (!observed.equalsRange(start + known, values, known, next - known)) {
                    return false;
                }
                known = mask.nextClearBit(next);
            }
            if (!observed.equalsRange(start + known, values, known, Math.max(0, values.length - known))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether these cells know no byte {@code other} does not: the same length, and wherever a byte is known
     * here, it is known in {@code other} with the same value.
     */
    public boolean knowsNoMoreThan(Cells other) {
        if (other == this) {
            return true;
        }
        if (length != other.length || other.unknown != null && unknown == null) {
            return false;
        }
        for (int page = 0; page < pages.length; page++) {
            BitSet mine = unknownPage(page);
            BitSet theirs = other.unknownPage(page);
            if (theirs != null && (mine == null || !CellPages.contains(mine, theirs))) {
                return false;
            }
            if (pages[page] != other.pages[page] && !CellPages.knownAlike(pages[page], mine, other.pages[page])) {
                return false;
            }
        }
        return true;
    }

    /** These cells with every unknown byte in {@code [at, at + count)} set to {@code observed[from + i]}. */
    public Cells learn(int at, Bytes observed, int from, int count) {
        if (count > 0) {
            Objects.checkFromIndexSize(at, count, length);
        }
        if (!anyUnknown(at, count)) {
            return this;
        }
        CellEdit change = new CellEdit(length, pages, unknown, pageHashes);
        CellPages.eachRun(pages, at, count, from, (page, offset, read, run) -> {
            BitSet mask = unknownPage(page);
            // Run by run of unknown bytes: a buffer shown while a read was in flight is unknown in one long run.
            for (int bit = mask == null ? -1 : mask.nextSetBit(offset); bit >= 0 && bit < offset + run; ) {
                int bitEnd = Math.min(offset + run, mask.nextClearBit(bit));
                observed.copyTo(read + bit - offset, change.page(page), bit, bitEnd - bit);
                change.known(page, bit, bitEnd - bit);
                bit = mask.nextSetBit(bitEnd);
            }
        });
        return change.made();
    }

    /** Known bytes: the known values here, and {@code fill} where unknown. */
    public Bytes concretise(int fill) {
        byte[] whole = new byte[length];
        for (int page = 0; page < pages.length; page++) {
            System.arraycopy(pages[page], 0, whole, page * PAGE, pages[page].length);
            BitSet mask = unknownPage(page);
            for (int bit = mask == null ? -1 : mask.nextSetBit(0); bit >= 0; bit = mask.nextSetBit(bit + 1)) {
                whole[page * PAGE + bit] = (byte) fill;
            }
        }
        return Bytes.of(whole);
    }

    /** How many pages of these cells are not the very pages of {@code other} (as long): those a change copied. */
    int pagesNotSharedWith(Cells other) {
        int copied = 0;
        for (int page = 0; page < pages.length; page++) {
            copied += pages[page] == other.pages[page] ? 0 : 1;
        }
        return copied;
    }

    private BitSet unknownPage(int page) {
        return unknown == null ? null : unknown[page];
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Cells that) || length != that.length) {
            return false;
        }
        int mine = hash; // each read once: another thread may be computing it
        int theirs = that.hash;
        if (mine != 0 && theirs != 0 && mine != theirs || !Arrays.equals(unknown, that.unknown)) {
            return false;
        }
        for (int page = 0; page < pages.length; page++) {
            if (pages[page] != that.pages[page] && !Arrays.equals(pages[page], that.pages[page])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // Filled in place with each page's hash (never another value): another thread reading the array
            // meanwhile sees a page's hash or 0, a page not hashed yet. The array is these cells' alone.
            int[] hashes = pageHashes == null ? new int[pages.length] : pageHashes;
            h = 1;
            for (int page = 0; page < pages.length; page++) {
                if (hashes[page] == 0) {
                    hashes[page] = CellPages.pageHash(pages[page]);
                }
                h = 31 * h + hashes[page];
            }
            pageHashes = hashes;
            h = unknown == null ? h : 31 * h + Arrays.hashCode(unknown);
            hash = h;
        }
        return h;
    }


    /** The length, and the bytes in hexadecimal with {@code ??} for unknown bytes (first 16 only). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(length).append(':');
        int shown = Math.min(length, 16);
        for (int i = 0; i < shown; i++) {
            text.append(isKnown(i) ? String.format("%02x", value(i)) : "??");
        }
        return length > shown ? text.append('…').toString() : text.toString();
    }
}
