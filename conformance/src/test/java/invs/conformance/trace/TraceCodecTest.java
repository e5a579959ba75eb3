package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Property;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

class TraceCodecTest {
    private static final AppId APP = AppId.of(1);

    private static Trace everyKind(Configuration configuration) {
        Vector<TraceStep> steps = Vector.of(
                TraceStep.of(new Command(APP, 3, 0xFFFF_FFFFL, 7), Observation.success()),
                TraceStep.of(new AllowReadOnly(APP, 0, Bytes.fromHex("00ff7f80")), Observation.success()),
                TraceStep.of(new AllowReadWrite(APP, 0, 12), Observation.failure(ErrorCode.BUSY)),
                TraceStep.of(new Subscribe(APP, 2), Observation.failure(ErrorCode.NOSUPPORT)),
                TraceStep.of(new Unsubscribe(APP, 5), Observation.failure(ErrorCode.INVAL)),
                TraceStep.of(new Yield(APP), new Observation.Yielded(Option.some(new Upcall(1, 6, 3, 9)),
                        Bytes.fromHex("0102"))),
                TraceStep.of(new Yield(AppId.of(0)), new Observation.Yielded(Option.none(), Bytes.empty())),
                TraceStep.of(new Tick(), Observation.quiet()),
                TraceStep.of(new Drain()),
                TraceStep.of(new Reboot(17), Observation.quiet()).withNote("a note"),
                TraceStep.of(new Restart(APP)),
                TraceStep.of(new FlashFault(), Observation.quiet()));
        TraceHeader header = TraceHeader.of(configuration, 0x8000_0000_0000_0001L, "reference")
                .withProperty("lockstep").withSubject(1).withDescription("line one\nline two \"quoted\"");
        return new Trace(header, steps);
    }

    @Test
    void everyInputObservationAndConfigurationSurvivesARoundTrip() {
        for (var named : StandardConfigurations.all()) {
            Trace trace = everyKind(named.configuration());
            Trace back = TraceCodec.parse(TraceCodec.format(trace));
            assertEquals(trace, back, named.name());
        }
    }

    @Test
    void aTraceIsOneHeaderLineAndOneLinePerStep() {
        String text = TraceCodec.format(everyKind(Configuration.defaults(invs.spec.Profile.DOC)));
        var lines = text.lines().toList();
        assertEquals(13, lines.size());
        assertTrue(lines.get(0).startsWith("{\"format\":\"invs-trace\",\"version\":1,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"step\":1,\"input\":{\"kind\":\"command\""), lines.get(1));
    }

    @Test
    void filesRoundTrip(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Trace trace = everyKind(StandardConfigurations.docPermissions().configuration());
        Path file = directory.resolve("nested/finding.jsonl");
        TraceCodec.write(trace, file);
        assertTrue(Files.readString(file).endsWith("\n"));
        assertEquals(trace, TraceCodec.read(file));
    }

    @Test
    void blankLinesAreSkippedAndLaterFieldsAreOptional() {
        String header = TraceCodec.format(Trace.ofInputs(TraceHeader.of(Configuration.defaults(invs.spec.Profile.TOCK),
                0, ""), Vector.empty()));
        Trace trace = TraceCodec.parse(header + "\n{\"step\":1,\"input\":{\"kind\":\"tick\"}}\n\n");
        assertEquals(Vector.of(new Tick()), trace.inputs());
        assertEquals(Option.none(), trace.steps().head().observation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON            | {\"step\":1,\"input\": | line 2: not valid JSON",
            "missing field       | {\"step\":1,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":2,\"arg1\":0}} | line 2, field input.arg2: missing",
            "negative argument   | {\"step\":1,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":2,\"arg1\":-1,\"arg2\":0}} | line 2, field input.arg1: expected an unsigned 32-bit number, got -1",
            "argument too large  | {\"step\":1,\"input\":{\"kind\":\"command\",\"app\":0,\"number\":2,\"arg1\":4294967296,\"arg2\":0}} | line 2, field input.arg1: expected an unsigned 32-bit number, got 4294967296",
            "unknown input       | {\"step\":1,\"input\":{\"kind\":\"poke\"}} | line 2, field input.kind: unknown input kind \"poke\"",
            "bad hex             | {\"step\":1,\"input\":{\"kind\":\"allow-ro\",\"app\":0,\"number\":0,\"data\":\"abc\"}} | line 2, field input.data: expected hexadecimal bytes",
            "wrong step number   | {\"step\":2,\"input\":{\"kind\":\"tick\"}} | line 2, field step: expected step 1, got 2",
            "unknown error code  | {\"step\":1,\"input\":{\"kind\":\"tick\"},\"observation\":{\"kind\":\"failure\",\"code\":\"OOPS\"}} | line 2, field observation.code: unknown error code \"OOPS\"",
            "upcall not object   | {\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":0},\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":1},\"buffer\":\"\"}} | line 2, field observation.upcall.status: missing",
            "negative slot       | {\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":-3}} | line 2, field input.app: expected a process slot of 0 or more, got -3",
            "array line          | [1,2] | line 2: expected a JSON object",
            "no input            | {\"step\":1} | line 2, field input: missing",
            "status as a string  | {\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":0},\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":1,\"status\":\"0\",\"arg1\":0,\"arg2\":0},\"buffer\":\"\"}} | line 2, field observation.upcall.status: expected a 64-bit integer (a JSON integer, not a string), got \"0\"",
            "word past 64 bits   | {\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":0},\"observation\":{\"kind\":\"yielded\",\"upcall\":{\"number\":1,\"status\":0,\"arg1\":18446744073709551616,\"arg2\":0},\"buffer\":\"\"}} | line 2, field observation.upcall.arg1: expected a 64-bit integer, got 18446744073709551616",
            "step as a string    | {\"step\":\"1\",\"input\":{\"kind\":\"tick\"}} | line 2, field step: expected a step number of 1 or more (a JSON integer, not a string), got \"1\"",
            "slot as a string    | {\"step\":1,\"input\":{\"kind\":\"yield\",\"app\":\"0\"}} | line 2, field input.app: expected a process slot of 0 or more (a JSON integer, not a string), got \"0\"",
    })
    void malformedStepsAreNamedByLineAndField(String what, String line, String message) {
        String header = TraceCodec.format(Trace.ofInputs(TraceHeader.of(Configuration.defaults(invs.spec.Profile.DOC),
                1, "x"), Vector.empty()));
        TraceFormatException error = assertThrows(TraceFormatException.class, () -> TraceCodec.parse(header + line));
        assertTrue(error.getMessage().startsWith(message.trim()), what + ": " + error.getMessage());
        assertEquals(2, error.line());
        assertTrue(error.getMessage().lines().count() == 1, "one line: " + error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong format    | {\"format\":\"other\",\"version\":1} | line 1, field format: expected \"invs-trace\", got \"other\"",
            "newer version   | {\"format\":\"invs-trace\",\"version\":2} | line 1, field version: version 2 is newer than this reader's 1",
            "no configuration| {\"format\":\"invs-trace\",\"version\":1} | line 1, field configuration: missing",
            "bad profile     | {\"format\":\"invs-trace\",\"version\":1,\"configuration\":{\"storageLength\":100,\"regionSize\":10,\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"posix\",\"apps\":[]}} | line 1, field configuration.profile: expected \"doc\" or \"tock\", got \"posix\"",
            "bad width       | {\"format\":\"invs-trace\",\"version\":1,\"configuration\":{\"storageLength\":100,\"regionSize\":10,\"transferLimit\":null,\"addressWidth\":48,\"profile\":\"doc\",\"apps\":[]}} | line 1, field configuration.addressWidth: expected 32 or 64, got 48",
            "bad permissions | {\"format\":\"invs-trace\",\"version\":1,\"configuration\":{\"storageLength\":100,\"regionSize\":10,\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"doc\",\"apps\":[{\"name\":\"a\",\"shortId\":null,\"permissions\":{\"kind\":\"root\"}}]}} | line 1, field configuration.apps[0].permissions.kind: expected self-only, fixed-size, null or kernel, got \"root\"",
            "bad id          | {\"format\":\"invs-trace\",\"version\":1,\"configuration\":{\"storageLength\":100,\"regionSize\":10,\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"doc\",\"apps\":[{\"name\":\"a\",\"shortId\":\"0xZZ\",\"permissions\":{\"kind\":\"null\"}}]}} | line 1, field configuration.apps[0].shortId: expected a 32-bit id, got \"0xZZ\"",
            "no apps         | {\"format\":\"invs-trace\",\"version\":1,\"configuration\":{\"storageLength\":100,\"regionSize\":10,\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"doc\",\"apps\":[]}} | line 1, field configuration: not a valid configuration: a configuration needs at least one app",
            "version string  | {\"format\":\"invs-trace\",\"version\":\"1\"} | line 1, field version: expected a version of 1 or more (a JSON integer, not a string), got \"1\"",
            "version in hex  | {\"format\":\"invs-trace\",\"version\":\"0x1\"} | line 1, field version: expected a version of 1 or more (a JSON integer, not a string), got \"0x1\"",
            "version fraction| {\"format\":\"invs-trace\",\"version\":1.5} | line 1, field version: expected a version of 1 or more, got 1.5",
            "unknown property| {\"format\":\"invs-trace\",\"version\":1,\"property\":\"nope\"} | line 1, field property: expected lockstep, liveness, durability, isolation or robustness, got \"nope\"",
            "property, subject| {\"format\":\"invs-trace\",\"version\":1,\"property\":\"nope\",\"subject\":1} | line 1, field property: expected lockstep, liveness, durability, isolation or robustness, got \"nope\"",
            "property in capitals| {\"format\":\"invs-trace\",\"version\":1,\"property\":\"Lockstep\"} | line 1, field property: expected lockstep, liveness, durability, isolation or robustness, got \"Lockstep\"",
            "property not text| {\"format\":\"invs-trace\",\"version\":1,\"property\":3} | line 1, field property: expected a string, got 3",
            "subject string  | {\"format\":\"invs-trace\",\"version\":1,\"subject\":\"1\"} | line 1, field subject: expected a process slot (a JSON integer, not a string), got \"1\"",
            "subject off board| {\"format\":\"invs-trace\",\"version\":1,\"subject\":1,\"configuration\":{\"storageLength\":100,\"regionSize\":10,\"transferLimit\":null,\"addressWidth\":32,\"profile\":\"doc\",\"apps\":[{\"name\":\"a\",\"shortId\":null,\"permissions\":{\"kind\":\"null\"}}]}} | line 1, field subject: process slot 1, but the configuration has 1 app (slot 0)",
    })
    void malformedHeadersAreNamedByField(String what, String line, String message) {
        TraceFormatException error = assertThrows(TraceFormatException.class, () -> TraceCodec.parse(line));
        assertEquals(message.trim(), error.getMessage(), what);
        assertEquals(1, error.line());
    }

    @Test
    void theHeaderReadsBackEveryPropertyTheEngineNames() {
        assertEquals(Vector.of(Property.values()).map(Property::label), TraceCodec.PROPERTIES);
        Configuration configuration = Configuration.defaults(invs.spec.Profile.DOC);
        for (Property property : Property.values()) {
            Trace trace = Trace.ofInputs(TraceHeader.of(configuration, 3, "reference").withProperty(property.label()),
                    Vector.of(new Tick()));
            assertEquals(trace, TraceCodec.parse(TraceCodec.format(trace)), property.label());
        }
        Trace noProperty = Trace.ofInputs(TraceHeader.of(configuration, 3, "reference"), Vector.empty());
        String header = TraceCodec.format(noProperty).strip();
        assertEquals(noProperty, TraceCodec.parse(header.replace("\"version\":1,", "\"version\":1,\"property\":null,")));
    }

    @Test
    void hexadecimalIsWrittenInLowerCaseAndReadInEitherCase() {
        // as the protocol reads it (docs/protocol.md): invs writes lower case, a server may answer in either
        Bytes bytes = Bytes.fromHex("abcdef01");
        AllowReadOnly allow = new AllowReadOnly(APP, 0, bytes);
        assertEquals("abcdef01", InputCodec.encode(allow).get("data").asText());
        assertEquals(allow, InputCodec.decode(InputCodec.encode(allow).put("data", "ABCDEF01")));
        assertEquals(allow, InputCodec.decode(InputCodec.encode(allow).put("data", "AbCdEf01")));
        Observation yielded = new Observation.Yielded(Option.none(), bytes);
        assertEquals(yielded, ObservationCodec.decode(ObservationCodec.encode(yielded).put("buffer", "ABCDEF01")));
        assertEquals("abcdef01", ObservationCodec.encode(yielded).get("buffer").asText());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        TraceFormatException error = assertThrows(TraceFormatException.class, () -> TraceCodec.parse(""));
        assertEquals("line 1: expected the trace header, got an empty line", error.getMessage());
    }

    @Test
    void codecsAreUsableOnTheirOwn() {
        Command command = Command.read(APP, (3L << 32) | 5);
        assertEquals(command, InputCodec.decode(InputCodec.encode(command)));
        assertEquals("{\"kind\":\"command\",\"app\":1,\"number\":2,\"arg1\":5,\"arg2\":3}",
                InputCodec.encode(command).toString());
        Observation yielded = new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.of((byte) 1));
        assertEquals("{\"kind\":\"yielded\",\"upcall\":{\"number\":2,\"status\":1,\"arg1\":0,\"arg2\":0},\"buffer\":\"01\"}",
                ObservationCodec.encode(yielded).toString());
        Configuration configuration = StandardConfigurations.docPermissions().configuration();
        assertEquals(configuration, ConfigurationCodec.decode(ConfigurationCodec.encode(configuration)));
    }
}
