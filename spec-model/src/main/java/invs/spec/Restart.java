package invs.spec;

/**
 * The app's process faults and restarts with the same ShortId: its allows, subscriptions, queued
 * upcalls and outstanding operation are gone.
 *
 * @param app the restarting app
 */
public record Restart(AppId app) implements Event {
    @Override
    public String toString() {
        return "restart " + app;
    }
}
