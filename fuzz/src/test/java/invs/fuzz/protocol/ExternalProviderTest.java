package invs.fuzz.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.junit.LibtockScenarios;
import invs.conformance.sut.Capability;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.SystemUnderTest;
import invs.fuzz.ChildJava;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The external adapter against real child processes: {@code invs serve} and misbehaving servers. */
class ExternalProviderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void aServedReferenceAnswersExactlyLikeTheReferenceInProcess() {
        Configuration configuration = Configuration.defaults(Profile.DOC);
        Vector<Input> inputs = LibtockScenarios.readWrite(configuration).append(new Drain())
                .appendAll(LibtockScenarios.single(configuration));
        try (ExternalProvider provider = new ExternalProvider(ChildJava.serve(), TIMEOUT, START, false)) {
            Reply.Hello hello = provider.preflight();
            assertEquals(EnumSet.allOf(Capability.class), hello.capabilities());
            assertTrue(hello.server().contains("reference"), hello.server());
            for (int round = 0; round < 2; round++) {
                ReferenceSystem local = new ReferenceSystem(configuration);
                try (SystemUnderTest served = provider.create(configuration)) {
                    for (Input input : inputs) {
                        assertEquals(local.apply(input), served.apply(input), "round " + round + ", " + input);
                    }
                }
            }
        }
    }

    @Test
    void aReplyShowingALargeBufferInvsAllowedIsNoFlood() {
        Configuration configuration = Configuration.defaults(Profile.DOC);
        int length = 6 << 20;
        try (ExternalProvider provider = new ExternalProvider(ChildJava.serve("--max-buffer", "8M"), TIMEOUT, START, false);
             SystemUnderTest served = provider.create(configuration)) {
            assertEquals(Observation.success(), served.apply(new AllowReadWrite(AppId.of(0), 0, length)));
            Observation shown = served.apply(new Yield(AppId.of(0)));
            assertEquals(length, ((Observation.Yielded) shown).readBuffer().length(),
                    "a reply of " + 2 * length + " hexadecimal digits is longer than " + ExternalProvider.MAX_LINE);
        }
    }

    @Test
    void aSecondReplyIsToldAsSuchBeforeTheNextRequestNotTakenForItsReply() {
        String message = unaskedLine("twice");
        assertTrue(message.contains("(a second reply?): {\"type\":\"observation\""), message);
    }

    @Test
    void aLogLineBetweenRepliesIsToldAsALogLineNotASecondReply() {
        String message = unaskedLine("log");
        assertTrue(message.contains(" (a reply is one JSON object a line; a server writes anything else,"
                + " its logs say, to its standard error): answered 2 inputs"), message);
    }

    /**
     * The failure of a server in {@code mode} that answers its first input, then writes a line no request
     * asked for after each reply from the second on: it is told before the third input is sent.
     */
    private static String unaskedLine(String mode) {
        try (ExternalProvider provider = misbehaving(mode, 1, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            assertEquals(Observation.quiet(), system.apply(new Drain()));
            assertEquals(Observation.quiet(), system.apply(new Drain()), mode + " from the second input on");
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Drain()));
            assertTrue(failure.getMessage().startsWith("the server wrote a line no request asked for before request"),
                    failure.getMessage());
            return failure.getMessage();
        }
    }

    @Test
    void aSecondReplyFoundOnlyAtTheNextResetIsDroppedThereNotBlamedOnTheNextSequence() {
        try (ExternalProvider provider = misbehaving("twice", 1, false)) {
            try (SystemUnderTest first = provider.create(Configuration.defaults(Profile.DOC))) {
                assertEquals(Observation.quiet(), first.apply(new Drain()));
                assertEquals(Observation.quiet(), first.apply(new Drain()), "answered twice: the sequence ends here");
            }
            try (SystemUnderTest next = provider.create(Configuration.defaults(Profile.DOC))) {
                assertEquals(Observation.quiet(), next.apply(new Drain()), "the same server, reset, answers again");
            }
        }
    }

    @Test
    void aReplyFarLongerThanAnyBufferInvsAllowedIsAFloodNotAMemoryLoad() {
        try (ExternalProvider provider = misbehaving("huge-buffer", 0, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Yield(AppId.of(0))));
            assertTrue(failure.getMessage().startsWith("the server flooded its standard output: more than 64 KiB without a"
                    + " line feed, answering request"), failure.getMessage());
        }
    }

    @Test
    void aCrashIsAFailureNamingTheExitStatusAndTheServersLastWords() {
        try (ExternalProvider provider = misbehaving("crash", 2, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            system.apply(new Drain());
            system.apply(new Drain());
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Drain()));
            assertTrue(failure.getMessage().startsWith("the server exited with status 3 before answering request"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("panicked at 'index out of bounds'"), failure.getMessage());
            ProtocolFailure again = assertThrows(ProtocolFailure.class, () -> system.apply(new Drain()));
            assertEquals(failure.getMessage(), again.getMessage(), "a broken server stays broken");
        }
    }

    @Test
    void aHangIsStoppedAtTheTimeout() {
        try (ExternalProvider provider = new ExternalProvider(ChildJava.command(MisbehavingServer.class.getName(),
                "hang", "0"), Duration.ofMillis(300), START, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            long start = System.nanoTime();
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Drain()));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(failure.getMessage().contains("did not answer request") && failure.getMessage().contains("within 300 ms"),
                    failure.getMessage());
            // Bounded well above the timeout: on a loaded machine killing the server took 3,039 ms once.
            assertTrue(took < 10_000, "stopped after " + took + " ms");
        }
    }

    @Test
    void outOfProtocolAnswersAreFailuresThatQuoteTheReply() {
        assertFailure("garbage", "malformed reply (not valid JSON");
        assertFailure("garbage", ") (a reply is one JSON object a line; a server writes anything else, its logs say, to its"
                + " standard error): this is not JSON");
        assertFailure("wrong-id", "with a reply for request 999999");
        assertFailure("error", "with an error: out of cheese");
    }

    @Test
    void aBufferLeftOutWhereNoneMayBeIsAMalformedReply() {
        assertFailure("buffer-left-out", "with a malformed reply (field observation.buffer: null, a buffer left out,"
                + " answers only a yield)");
        assertFailure("buffer-left-out-unagreed", "with a malformed reply (field observation.buffer: null, a buffer left"
                + " out, but the hello messages did not agree on the same-buffer extension (hexadecimal bytes))");
        try (ExternalProvider unasked = new ExternalProvider(ChildJava.command(MisbehavingServer.class.getName(),
                "buffer-left-out-unasked", "1"), TIMEOUT, START, false, true, false);
             SystemUnderTest system = unasked.create(Configuration.defaults(Profile.DOC))) {
            assertFalse(unasked.preflight().sameBuffer(), "named by the server alone: not agreed");
            system.apply(new Yield(AppId.of(0)));
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Yield(AppId.of(0))));
            assertTrue(failure.getMessage().contains("but the hello messages did not agree on the same-buffer extension"),
                    failure.getMessage());
        }
        try (ExternalProvider provider = misbehaving("buffer-left-out", 1, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            assertTrue(provider.preflight().sameBuffer(), "the server agreed to leave buffers out");
            system.apply(new Yield(AppId.of(0)));
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Yield(AppId.of(1))));
            assertTrue(failure.getMessage().contains("(field observation.buffer: null, a buffer left out, but app 1 has"
                    + " shown no buffer since the reset (same-buffer))"), failure.getMessage());
        }
    }

    /**
     * With fresh servers, the preflight's server answers which boards the system builds, one question per
     * board: one server start in all, where each question started a server of its own before.
     */
    @Test
    void freshServersAskWhichBoardsTheyBuildOfOneServer() throws java.io.IOException {
        java.nio.file.Path starts = java.nio.file.Files.createTempFile("invs-starts", ".txt");
        try {
            String command = "echo started >> '" + starts + "'; exec " + ChildJava.command(MisbehavingServer.class.getName(),
                    "crash", "1000");
            try (ExternalProvider provider = new ExternalProvider(command, TIMEOUT, START, true)) {
                provider.preflight();
                for (Profile profile : Profile.values()) {
                    assertTrue(provider.supports(Configuration.defaults(profile)), profile.toString());
                    assertTrue(provider.supports(Configuration.defaults(profile).withStorageLength(4096)), profile.toString());
                }
            }
            assertEquals(1, java.nio.file.Files.readAllLines(starts).size(), "servers started");
        } finally {
            java.nio.file.Files.deleteIfExists(starts);
        }
    }

    @Test
    void anErrorAnsweringResetIsQuotedInTheFailure() {
        try (ExternalProvider provider = misbehaving("reset-error", 0, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Drain()));
            assertTrue(failure.getMessage().contains(
                    "the server answered reset with a reply of type \"error\" instead of ready: cannot build this board"),
                    failure.getMessage());
        }
    }

    @Test
    void aServerThatCannotStartFailsThePreflight() {
        try (ExternalProvider provider = new ExternalProvider("exec /nonexistent/invs-server", TIMEOUT, START, false)) {
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, provider::preflight);
            assertTrue(failure.getMessage().startsWith("the server exited with status 127 before answering request 1 (hello)"),
                    failure.getMessage());
        }
        try (ExternalProvider provider = new ExternalProvider(ChildJava.command(MisbehavingServer.class.getName(),
                "mute", "0"), TIMEOUT, Duration.ofMillis(2000), false)) {
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, provider::preflight);
            assertTrue(failure.getMessage().contains("did not answer request 1 (hello) within 2000 ms"), failure.getMessage());
        }
    }

    @Test
    void freshServersAnswerLikeReusedOnes() {
        Configuration configuration = Configuration.defaults(Profile.TOCK);
        Vector<Input> inputs = LibtockScenarios.single(configuration);
        try (ExternalProvider provider = new ExternalProvider(ChildJava.serve(), TIMEOUT, START, true)) {
            Vector<Observation> first = run(provider, configuration, inputs);
            Vector<Observation> second = run(provider, configuration, inputs);
            assertEquals(first, second);
            assertEquals(inputs.map(new ReferenceSystem(configuration)::apply), first);
            assertFalse(first.isEmpty());
        }
    }

    private static Vector<Observation> run(ExternalProvider provider, Configuration configuration, Vector<Input> inputs) {
        try (SystemUnderTest system = provider.create(configuration)) {
            return inputs.map(system::apply);
        }
    }

    private static void assertFailure(String mode, String expected) {
        try (ExternalProvider provider = misbehaving(mode, 1, false);
             SystemUnderTest system = provider.create(Configuration.defaults(Profile.DOC))) {
            system.apply(new Drain());
            ProtocolFailure failure = assertThrows(ProtocolFailure.class, () -> system.apply(new Drain()));
            assertTrue(failure.getMessage().contains(expected), mode + ": " + failure.getMessage());
        }
    }

    private static ExternalProvider misbehaving(String mode, int after, boolean fresh) {
        return new ExternalProvider(ChildJava.command(MisbehavingServer.class.getName(), mode, String.valueOf(after)),
                TIMEOUT, START, fresh);
    }
}
