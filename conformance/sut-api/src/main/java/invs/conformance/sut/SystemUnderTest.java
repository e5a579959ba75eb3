package invs.conformance.sut;

import invs.spec.Input;
import invs.spec.Observation;

import java.util.Set;

/**
 * An implementation of driver 0x50004 as the conformance engine drives it: one board with the apps of a
 * {@link invs.spec.Configuration}, answering one {@link Input} at a time with what it shows.
 *
 * <p>An instance is stateful and used by one thread. The engine creates a fresh instance for every
 * sequence it runs (and every candidate it tries while shrinking), so creating one should be cheap.
 * System calls must always be answered; an environment event the system does not declare among its
 * {@link #capabilities()} is never sent to it.
 */
public interface SystemUnderTest extends AutoCloseable {

    /**
     * Applies {@code input} and returns what the implementation shows: the system call's return, for a
     * yield the upcall that ran (if any) with the read-write buffer's contents afterwards, and
     * {@link Observation.Quiet} for an event.
     *
     * @throws UnsupportedOperationException for an event outside {@link #capabilities()}
     */
    Observation apply(Input input);

    /** The environment events this system supports. */
    Set<Capability> capabilities();

    /** Releases what the system holds (a process, a file, a connection); the default holds nothing. */
    @Override
    default void close() {
    }
}
