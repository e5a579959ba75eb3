package invs.fuzz.protocol;

import invs.conformance.sut.Exiting;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread that keeps every live server within its bounds, a few times a second: it stops a server that
 * is past the deadline of its exchange or has died during one (so that the blocked read of the reply
 * ends), and reaps servers stopped with {@code bye} that did not exit in time. Checking every server from
 * one thread costs two volatile writes per exchange instead of a timer task per request. At exit (Ctrl-C,
 * a SIGTERM), the process is marked {@link Exiting} and every live server is killed, and so is any server
 * started after that.
 */
final class ServerWatchdog {
    private static final long INTERVAL_MILLIS = 20;
    private static final Set<ServerProcess> LIVE = ConcurrentHashMap.newKeySet();
    /** Servers being started and not yet watched. */
    private static final AtomicInteger STARTING = new AtomicInteger();
    /** How long the reaper waits at most for servers being started. */
    private static final long STARTS_AWAITED_NANOS = 2_000_000_000L;
    private static final String EXITING = "invs is exiting: no server is started any more";

    static {
        Thread watchdog = new Thread(ServerWatchdog::watch, "invs-server-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(ServerWatchdog::reap, "invs-server-reaper"));
    }

    private ServerWatchdog() {
    }

    /** What starts a server process. */
    @FunctionalInterface
    interface Start {
        /** Starts it. */
        ServerProcess start() throws IOException;
    }

    /**
     * Starts a server with {@code start} and watches it until {@link ServerProcess#check} says it is done;
     * once the process is exiting, starts none, and kills one that started meanwhile.
     *
     * @throws ProtocolFailure when the process is exiting
     */
    static ServerProcess started(Start start) throws IOException {
        STARTING.incrementAndGet();
        try {
            if (Exiting.begun()) {
                throw new ProtocolFailure(EXITING);
            }
            ServerProcess server = start.start();
            LIVE.add(server);
            if (Exiting.begun()) {
                server.kill();
                LIVE.remove(server);
                throw new ProtocolFailure(EXITING);
            }
            return server;
        } finally {
            STARTING.decrementAndGet();
        }
    }

    /**
     * At exit: marks the process {@link Exiting} (so that what the kills look like is not taken for findings,
     * and no server starts after), waits a little for servers being started to be watched, and kills every
     * live server.
     */
    private static void reap() {
        Exiting.begin();
        long until = System.nanoTime() + STARTS_AWAITED_NANOS;
        while (STARTING.get() > 0 && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        LIVE.forEach(ServerProcess::kill);
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
