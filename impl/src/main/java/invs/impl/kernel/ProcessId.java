package invs.impl.kernel;

/**
 * Identifies one run of a process: its slot and how many times that slot has restarted. Like Tock's
 * {@code ProcessId}, an id outlives the run it names: the kernel drops upcalls for a run that is over.
 *
 * @param slot       process slot index
 * @param generation runs of that slot before this one
 */
public record ProcessId(int slot, int generation) {}
