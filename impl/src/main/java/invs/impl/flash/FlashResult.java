package invs.impl.flash;

/** How a flash operation ended, as the chip reports it in its completion callback. */
public enum FlashResult {
    /** The operation completed. */
    OK,
    /** The chip reported an error (an injected fault); a program or erase may be partially done. */
    FAULT,
    /**
     * A program asked to turn a 0 bit into a 1, which NOR flash cannot do: the bits that could be
     * cleared were cleared, the others were left as they were.
     */
    ILLEGAL_PROGRAM;

    /** Whether the operation completed without error. */
    public boolean isOk() {
        return this == OK;
    }
}
