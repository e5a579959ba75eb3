package invs.impl.kernel;

/**
 * An upcall delivered to a process on yield.
 *
 * @param subscribeNumber the subscribe number it was scheduled on (0 size, 1 read, 2 write)
 * @param arg0            first argument (the status: 0 or an error number)
 * @param arg1            second argument (the length or count on success)
 * @param arg2            third argument (always 0 for this driver)
 */
public record Upcall(int subscribeNumber, long arg0, long arg1, long arg2) {}
