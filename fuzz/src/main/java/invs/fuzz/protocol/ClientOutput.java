package invs.fuzz.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The stream a server writes its replies to when it is the process's standard output: a
 * {@link PrintStream} such as {@code System.out} only remembers that a write failed, so a server writing
 * to a client that went away (a closed pipe, a full disk, a closed descriptor) would go on reading and
 * answering for nothing. This stream checks after each write and flush, and fails with an
 * {@link IOException} once the print stream has met one.
 */
public final class ClientOutput extends OutputStream {
    private final PrintStream out;

    /** Writes to {@code out}. */
    public ClientOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        check();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
        check();
    }

    /** @throws IOException when a write or flush of the print stream has failed (checking flushes it) */
    private void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("the client no longer takes replies (standard output closed, broken or full)");
        }
    }
}
