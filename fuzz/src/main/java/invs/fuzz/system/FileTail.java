package invs.fuzz.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end of a log a child process wrote (a build's standard error, Jazzer's output), where its reason for
 * failing is: read without reading the whole file, which may have grown to megabytes of warnings.
 */
public final class FileTail {
    /** How much of a file's end is read. */
    public static final int BYTES = 64 * 1024;

    private FileTail() {
    }

    /** The last {@link #BYTES} of {@code file}, as text. */
    public static String of(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, BYTES));
            channel.position(size - tail.capacity());
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // reads the tail
            }
            return new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        }
    }
}
