package invs.fuzz.system;

import java.io.IOException;

/**
 * A child process invs waits for that is not a server (the Tock harness's build, Jazzer), with whatever it
 * starts: killed, descendants first, when invs gives up on it ({@link #kill}) and when invs exits first
 * (Ctrl-C, a SIGTERM), until {@link #close}d. A server's family is found more thoroughly (through
 * {@code /proc}, see the protocol package); these children do not hand their pipes to daemons.
 */
public final class ProcessTree implements AutoCloseable {
    private final Process process;
    private final Thread reaper;

    private ProcessTree(Process process) {
        this.process = process;
        this.reaper = new Thread(this::kill, "invs-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code builder}'s process, killed with its descendants if invs exits before it is closed. */
    public static ProcessTree start(ProcessBuilder builder) throws IOException {
        return new ProcessTree(builder.start());
    }

    /** The process. */
    public Process process() {
        return process;
    }

    /** Kills the process's live descendants, then the process. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** No longer kills the process when invs exits (it has ended, or was killed). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException exiting) {
            // invs is exiting: the hook runs now
        }
    }
}
