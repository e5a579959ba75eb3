package invs.spec;

import io.vavr.control.Option;

/**
 * Something that happens to the system: a system call an app makes, or an event of the environment.
 * Every input is answered by exactly one {@link Observation}.
 */
public sealed interface Input permits Syscall, Event {
    /** The app this input is made by (a system call) or happens to (a restart); none for the other events. */
    default Option<AppId> concernedApp() {
        return switch (this) {
            case Syscall syscall -> Option.some(syscall.app());
            case Restart restart -> Option.some(restart.app());
            default -> Option.none();
        };
    }
}
