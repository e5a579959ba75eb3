package invs.spec;

/**
 * Something that happens to the system: a system call an app makes, or an event of the environment.
 * Every input is answered by exactly one {@link Observation}.
 */
public sealed interface Input permits Syscall, Event {
}
