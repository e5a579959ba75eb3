package invs.spec.model;

import java.util.BitSet;

/**
 * New {@link Cells} being made from others, a change at a time: a page the changes touch is copied once, on
 * its first change, and every other page is shared with the cells it was made from (pages are never changed
 * once cells hold them). So is the table of which bytes of a page are unknown.
 */
final class CellEdit {
    private final int length;
    /** The pages of the cells edited: a page of {@link #pages} that is still one of them has not been copied. */
    private final byte[][] original;
    private final byte[][] pages;
    /** The unknown positions of the cells edited (or null): a mask that is still one of them has not been copied. */
    private final BitSet[] originalMasks;
    /** The unknown positions of each page, null for a page of known bytes; null while every byte is known. */
    private BitSet[] masks;
    /** The hashes of the pages of the cells edited, as far as computed (0: not yet), or null. */
    private final int[] originalHashes;

    /**
     * An edit of the cells of {@code length} bytes held in {@code pages}, with {@code unknown} (or null) and the
     * hashes of their pages computed so far (or null).
     */
    CellEdit(int length, byte[][] pages, BitSet[] unknown, int[] pageHashes) {
        this.length = length;
        this.original = pages;
        this.pages = pages.clone();
        this.originalMasks = unknown;
        this.masks = unknown == null ? null : unknown.clone();
        this.originalHashes = pages.length == 1 ? null : pageHashes;
    }

    /** The page {@code page} of the new cells, to be written: copied from the old one on first use. */
    byte[] page(int page) {
        if (pages[page] == original[page]) {
            pages[page] = pages[page].clone();
        }
        return pages[page];
    }

    /** Marks {@code [offset, offset + count)} of page {@code page} known. */
    void known(int page, int offset, int count) {
        if (masks != null && masks[page] != null) {
            mask(page).clear(offset, offset + count);
        }
    }

    /** Marks {@code [offset, offset + count)} of page {@code page} unknown. */
    void unknown(int page, int offset, int count) {
        if (masks == null) {
            masks = new BitSet[pages.length];
        }
        mask(page).set(offset, offset + count);
    }

    /** The unknown positions of page {@code page}, to be changed: copied on first use, made if there were none. */
    private BitSet mask(int page) {
        if (masks[page] == null) {
            masks[page] = new BitSet();
        } else if (originalMasks != null && masks[page] == originalMasks[page]) {
            masks[page] = (BitSet) masks[page].clone();
        }
        return masks[page];
    }

    /**
     * The hashes of the pages not copied, in a new array (0 for the others): written once, before the cells are
     * made, so that another thread reading it sees a page's hash or 0, never the hash of the page it replaced.
     */
    private int[] hashesKept() {
        if (originalHashes == null) {
            return null;
        }
        int[] kept = new int[pages.length];
        for (int page = 0; page < pages.length; page++) {
            kept[page] = pages[page] == original[page] ? originalHashes[page] : 0;
        }
        return kept;
    }

    /**
     * The cells made: a page whose bytes are all known again holds no unknown positions, nor do cells that
     * know every byte.
     */
    Cells made() {
        boolean anyUnknown = false;
        if (masks != null) {
            for (int page = 0; page < masks.length; page++) {
                if (masks[page] != null && masks[page].isEmpty()) {
                    masks[page] = null;
                }
                anyUnknown |= masks[page] != null;
            }
        }
        return new Cells(length, pages, anyUnknown ? masks : null, hashesKept());
    }
}
