package invs.fuzz.protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The thread that keeps every live server within its bounds, a few times a second: it stops a server that
 * is past the deadline of its exchange or has died during one (so that the blocked read of the reply
 * ends), and reaps servers stopped with {@code bye} that did not exit in time. Checking every server from
 * one thread costs two volatile writes per exchange instead of a timer task per request. At exit, every
 * live server is killed.
 */
final class ServerWatchdog {
    private static final long INTERVAL_MILLIS = 20;
    private static final Set<ServerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(ServerWatchdog::watch, "invs-server-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ServerProcess::kill), "invs-server-reaper"));
    }

    private ServerWatchdog() {
    }

    /** Watches {@code server} until {@link ServerProcess#check} says it is done. */
    static void add(ServerProcess server) {
        LIVE.add(server);
    }

    /** Stops watching {@code server}. */
    static void remove(ServerProcess server) {
        LIVE.remove(server);
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (ServerProcess server : LIVE) {
                if (!server.check(now)) {
                    LIVE.remove(server);
                }
            }
        }
    }
}
