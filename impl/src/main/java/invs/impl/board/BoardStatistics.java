package invs.impl.board;

import java.util.List;

/**
 * Counters of a {@link Board} since it was built (they survive reboots: they belong to the hardware
 * and the test bench, not to the kernel's RAM).
 *
 * @param erasesPerPage        erases of every flash page, storage pages first, then scratch and journal
 * @param erases               all erases
 * @param bytesProgrammed      bytes the flash was asked to program
 * @param bytesRead            bytes read from flash
 * @param flashOperations      flash operations
 * @param flashFaults          flash operations that reported an error
 * @param appBytesWritten      bytes apps' write operations handed to storage
 * @param ticks                ticks run
 * @param syscalls             syscalls made (command, allow, subscribe, unsubscribe, yield)
 */
public record BoardStatistics(List<Long> erasesPerPage, long erases, long bytesProgrammed, long bytesRead,
                              long flashOperations, long flashFaults, long appBytesWritten, long ticks,
                              long syscalls) {

    /** Copies the list. */
    public BoardStatistics {
        erasesPerPage = List.copyOf(erasesPerPage);
    }

    /** Erases per byte apps wrote (0 when nothing was written). */
    public double erasesPerWrittenByte() {
        return appBytesWritten == 0 ? 0 : (double) erases / appBytesWritten;
    }

    /** Bytes programmed per byte apps wrote (0 when nothing was written). */
    public double programmedPerWrittenByte() {
        return appBytesWritten == 0 ? 0 : (double) bytesProgrammed / appBytesWritten;
    }
}
