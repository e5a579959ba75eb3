/**
 * A small Tock-like kernel for one driver: processes with ShortIds and storage permissions
 * ({@link invs.impl.kernel.Kernel}), the TRD104 allow/subscribe/yield semantics, per-process upcall queues,
 * deferred calls, and the interfaces a driver (capsule) implements and uses. It knows no particular
 * driver: {@code invs.impl.board} assembles kernel, driver, storage and flash into a board.
 */
package invs.impl.kernel;
