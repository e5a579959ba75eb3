package invs.spec;

/**
 * An event of the environment. Events are answered by {@link Observation.Quiet}: what they change shows
 * only in later observations.
 */
public sealed interface Event extends Input permits Tick, Drain, Reboot, Restart, FlashFault {
}
