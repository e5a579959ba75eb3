package invs.impl.driver;

/**
 * The capsule's parameters.
 *
 * @param storageLength    bytes of the storage area
 * @param regionSize       usable bytes of a new region
 * @param kernelBufferSize bytes of the kernel buffer (the transfer chunk)
 * @param addressWidth     32 or 64
 * @param tockCompatible   truncate transfers to one kernel buffer, serve in slot order, and (32-bit)
 *                         ignore a command's second argument, like the real capsule
 * @param processCount     number of process slots
 */
public record DriverConfiguration(int storageLength, int regionSize, int kernelBufferSize, int addressWidth,
                                  boolean tockCompatible, int processCount) {}
