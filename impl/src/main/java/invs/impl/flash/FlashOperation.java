package invs.impl.flash;

/**
 * The operation a {@link NorFlash} has started and not yet completed. Buffers are lent to the chip
 * until the operation completes, as with a DMA transfer.
 */
sealed interface FlashOperation {

    /** Read {@code length} bytes at {@code address} into {@code destination[offset..]}. */
    record Read(int address, byte[] destination, int offset, int length) implements FlashOperation {}

    /** Program {@code source[offset..offset+length)} at {@code address} (within one page). */
    record Program(int address, byte[] source, int offset, int length) implements FlashOperation {}

    /** Erase one page. */
    record Erase(int page) implements FlashOperation {}
}
