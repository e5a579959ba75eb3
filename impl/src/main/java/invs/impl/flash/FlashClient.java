package invs.impl.flash;

/** Receives the completion of the operation a {@link NorFlash} started (the chip's interrupt). */
public interface FlashClient {

    /** A read finished; on {@link FlashResult#OK} the destination buffer holds the bytes. */
    void readDone(FlashResult result);

    /** A program finished. */
    void programDone(FlashResult result);

    /** A page erase finished. */
    void eraseDone(FlashResult result);
}
