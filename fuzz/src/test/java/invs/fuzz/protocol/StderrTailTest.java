package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a failing server's report keeps of its standard error: the last lines, but not the frames of a stack
 * trace, so that the line saying what went wrong (a Rust panic, a Java exception) survives a long backtrace.
 */
class StderrTailTest {
    private static StderrTail tail(String text) {
        StderrTail tail = new StderrTail(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test-stderr");
        tail.awaitEnd(10_000);
        return tail;
    }

    @Test
    void aRustPanicSurvivesItsBacktrace() {
        String frames = IntStream.range(0, 30).mapToObj(index -> String.format("  %2d: std::panicking::frame%d%n"
                + "             at /rustc/abc/library/std/src/panicking.rs:%d:5%n", index, index, index))
                .collect(Collectors.joining());
        StderrTail tail = tail("starting\nthread 'main' panicked at src/driver.rs:120:9:\noffset past the region\n"
                + "stack backtrace:\n" + frames + "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a"
                + " verbose backtrace.\n");
        assertEquals(List.of("starting", "thread 'main' panicked at src/driver.rs:120:9:", "offset past the region",
                "stack backtrace:", "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace."),
                tail.lines());
        assertTrue(tail.shown().startsWith("; the last lines on its standard error (60 stack frame lines left out):\n"
                + "    starting\n"), tail.shown());
    }

    @Test
    void aFullRustBacktraceIsLeftOutToo() {
        String frames = IntStream.range(0, 40).mapToObj(index -> String.format("  %2d:     0x55d5c3b2%04x - std::rt::frame%d%n"
                + "                               at /rustc/abc/library/std/src/rt.rs:%d:%d%n", index, index, index, index, index))
                .collect(Collectors.joining());
        StderrTail tail = tail("thread 'main' panicked at src/main.rs:7:5:\nbad offset\nstack backtrace:\n" + frames
                + "   40:     0x7f12 - __libc_start_main\n   41:     0x55d5 - _start\n");
        assertEquals(List.of("thread 'main' panicked at src/main.rs:7:5:", "bad offset", "stack backtrace:"), tail.lines());
    }

    @Test
    void nodeFramesAndJavaFramesWithALoggersSuffixAreLeftOut() {
        StderrTail tail = tail("TypeError: offset is undefined\n    at Object.<anonymous> (/srv/server.js:10:5)\n"
                + "    at /srv/server.js:3:1\njava.lang.IllegalStateException: flash\n"
                + "\tat example.Flash.program(Flash.java:12) ~[app.jar:1.0]\n");
        assertEquals(List.of("TypeError: offset is undefined", "java.lang.IllegalStateException: flash"), tail.lines());
    }

    @Test
    void logLinesThatLookLikeFramesAtFirstAreKept() {
        List<String> logs = List.of("  at offset 4096 the erase failed", "\t3: header checksum mismatch",
                "  2: main loop started", "at 12:30 the board rebooted");
        assertEquals(logs.stream().map(line -> line.replace("\t", "\\t")).toList(), // a tab is shown escaped
                tail(String.join("\n", logs) + "\n").lines());
    }

    @Test
    void aJavaExceptionKeepsItsMessageAndItsCause() {
        StderrTail tail = tail("Exception in thread \"main\" java.lang.IllegalStateException: no region\n"
                + "\tat example.Driver.write(Driver.java:40)\n\tat example.Main.main(Main.java:12)\n"
                + "Caused by: java.io.IOException: flash\n\tat example.Flash.program(Flash.java:7)\n\t... 2 more\n");
        assertEquals(List.of("Exception in thread \"main\" java.lang.IllegalStateException: no region",
                "Caused by: java.io.IOException: flash"), tail.lines());
        assertTrue(tail.shown().contains("(4 stack frame lines left out)"), tail.shown());
    }

    @Test
    void otherLinesKeepTheLastTwelve() {
        StderrTail tail = tail(IntStream.range(0, 20).mapToObj(index -> "log " + index + ": at step " + index + "\n")
                .collect(Collectors.joining()));
        assertEquals(IntStream.range(8, 20).mapToObj(index -> "log " + index + ": at step " + index).toList(), tail.lines());
        assertTrue(tail.shown().startsWith("; the last lines on its standard error:\n    log 8"), tail.shown());
        assertEquals(" (nothing on its standard error)", tail("").shown());
        assertEquals(" (only stack frames on its standard error (1 stack frame line left out))", tail("\tat a.B(B.java:1)\n").shown());
    }
}
