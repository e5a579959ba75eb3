/**
 * A small Tock-like kernel around the driver: processes with ShortIds and storage permissions, the
 * TRD104 allow/subscribe/yield semantics, per-process upcall queues, deferred calls driven by
 * {@link invs.impl.kernel.Board#tick()}, and the {@link invs.impl.kernel.Board} facade that assembles a
 * simulated board (flash, storage, driver, kernel) and offers reboot, restart and fault injection.
 */
package invs.impl.kernel;
