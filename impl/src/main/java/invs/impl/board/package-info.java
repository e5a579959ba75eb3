/**
 * The simulated board ({@link invs.impl.board.Board}): flash, crash-safe storage, the isolated nonvolatile
 * storage driver and the kernel assembled from a {@link invs.impl.board.BoardConfiguration}, with reboot,
 * restart, ticks and fault injection. The one place that knows both the kernel and the driver.
 */
package invs.impl.board;
