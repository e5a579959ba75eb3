package invs.impl.driver;

import invs.impl.kernel.ProcessId;

/**
 * An accepted operation, outstanding until its upcall is scheduled.
 *
 * @param app     the process run that asked
 * @param kind    size, read or write
 * @param owner   the region owner (the app's write id)
 * @param offset  the offset in the region, unsigned 64-bit (ignored for size)
 * @param arrival acceptance order, unique
 */
public record Operation(ProcessId app, OperationKind kind, int owner, long offset, long arrival) {}
