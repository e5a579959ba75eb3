package invs.conformance.explain;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.reference.ReferenceSystem;
import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.trace.TraceStep;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.model.Cells;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final AppId APP = AppId.of(0);

    /** The reference, with the observation of input number {@code at} (from 0) changed by {@code change}. */
    private static SystemUnderTest changedAt(Configuration board, int at, UnaryOperator<Observation> change) {
        ReferenceSystem reference = new ReferenceSystem(board);
        return new SystemUnderTest() {
            private int step;

            @Override
            public Observation apply(Input input) {
                Observation observation = reference.apply(input);
                return step++ == at ? change.apply(observation) : observation;
            }

            @Override
            public Set<Capability> capabilities() {
                return EnumSet.allOf(Capability.class);
            }
        };
    }

    private static Run run(Vector<Input> inputs, int at, UnaryOperator<Observation> change) {
        return run(DOC, inputs, at, change);
    }

    private static Run run(Configuration board, Vector<Input> inputs, int at, UnaryOperator<Observation> change) {
        return Session.run(board, configuration -> changedAt(configuration, at, change), Checks.of(Vector.of(
                invs.conformance.check.Property.LOCKSTEP)), inputs);
    }

    private static Explanation explain(Run run) {
        return Explanation.of(DOC, run.steps(), run.violation().get().divergence().get());
    }

    @Test
    void aFreshRegionReadOtherThanFfIsFiledUnderTheFreshRegionWithTheBytesThatDiffer() {
        Vector<Input> inputs = Vector.of(new Subscribe(APP, 1), new AllowReadWrite(APP, 0, 100), Command.read(APP, 0),
                new Drain(), new Yield(APP));
        Run run = run(inputs, 4, observation -> {
            Observation.Yielded yielded = (Observation.Yielded) observation;
            byte[] bytes = yielded.readBuffer().toArray();
            bytes[40] = 0x00;
            return new Observation.Yielded(yielded.upcall(), Bytes.of(bytes));
        });
        assertEquals(Option.some(Clause.CLARIFIED_FRESH_REGION), run.violation().get().clause());
        Explanation explanation = explain(run);
        assertEquals(Field.BUFFER, explanation.differences().head().field());
        assertEquals("at 36: ff ff ff ff ff ff ff ff ff (1 of 100 bytes differs)", explanation.differences().head().expected());
        assertEquals("at 36: ff ff ff ff 00 ff ff ff ff", explanation.differences().head().observed());
    }

    /**
     * Bytes lost across a reboot, though the write's SUCCESS upcall was shown before it: the write had completed,
     * so no crash touched it; the data rule broken is durability's (it was filed under the crash rule).
     */
    @Test
    void dataLostAcrossARebootAfterTheWriteWasShownDoneIsFiledUnderDurability() {
        Vector<Input> written = Vector.of(new Subscribe(APP, 2), new AllowReadOnly(APP, 0, Bytes.fromHex("deadbeef")),
                Command.write(APP, 0), new Drain(), new Yield(APP));
        Vector<Input> readBack = Vector.of(new Subscribe(APP, 1), new AllowReadWrite(APP, 0, 4), Command.read(APP, 0),
                new Drain(), new Yield(APP));
        UnaryOperator<Observation> lost = observation -> new Observation.Yielded(((Observation.Yielded) observation).upcall(),
                Bytes.fromHex("ffffffff"));
        Run afterReboot = run(written.append(new Reboot(0)).appendAll(readBack), 10, lost);
        assertEquals(Option.some(Clause.CLARIFIED_DURABILITY), afterReboot.violation().get().clause(),
                afterReboot.violation().get().summary());
        // the same read before any reboot: durability as well
        Run without = run(written.appendAll(readBack), 9, lost);
        assertEquals(Option.some(Clause.CLARIFIED_DURABILITY), without.violation().get().clause());
    }

    /** A yield showing a buffer one byte longer than the one allowed is filed under read-write allow 0, not under any data rule. */
    @Test
    void aBufferOfTheWrongLengthIsFiledUnderTheReadWriteAllow() {
        Vector<Input> inputs = Vector.of(new AllowReadWrite(APP, 0, 1), new Yield(APP));
        Run run = run(inputs, 1, observation -> new Observation.Yielded(((Observation.Yielded) observation).upcall(),
                Bytes.of(new byte[2])));
        assertEquals(Option.some(Clause.ALLOW_RW_0), run.violation().get().clause());
        assertEquals(Field.BUFFER_LENGTH, explain(run).differences().head().field());
    }

    @Test
    void aBusyAfterTheDrainIsFiledUnderTheBusyRule() {
        Vector<Input> inputs = Vector.of(new Subscribe(APP, 0), Command.size(APP), new Drain(), Command.size(APP));
        Run run = run(inputs, 3, observation -> Observation.failure(invs.spec.ErrorCode.BUSY));
        assertEquals(Option.some(Clause.COMMAND_1_BUSY), run.violation().get().clause());
        assertEquals(Field.RETURN, explain(run).differences().head().field());
    }

    /**
     * An error where another error was due is filed under the rule of the error due, not of the error shown:
     * a read without a buffer answered INVAL (its range is within the region, and RESERVE comes first anyway,
     * docs/spec.md D11) breaks the RESERVE rule; under the tock reading, which answers a command of an app
     * without permission NOSUPPORT at once, a BUSY there breaks the NOSUPPORT rule. An error where SUCCESS was allowed stays under the
     * rule of the error shown ({@link #aBusyAfterTheDrainIsFiledUnderTheBusyRule}), also when a flash fault's
     * FAIL, the closest outcome, was allowed beside it: an INVAL for a read within the region breaks the INVAL rule.
     */
    @Test
    void anErrorWhereAnotherErrorWasDueIsFiledUnderTheErrorDue() {
        Vector<Input> unbuffered = Vector.of(new Subscribe(APP, 1), Command.read(APP, 0), new Drain(), new Yield(APP));
        Run inval = run(unbuffered, 3, observation -> new Observation.Yielded(
                Option.some(Upcall.error(1, ErrorCode.INVAL)), Bytes.empty()));
        assertEquals(Option.some(Clause.SUBSCRIBE_1_RESERVE), inval.violation().get().clause());
        assertEquals(Field.STATUS, explain(inval).differences().head().field());

        Configuration tock = Configuration.defaults(Profile.TOCK);
        AppId unpermitted = AppId.of(2);
        assertTrue(tock.app(unpermitted).permissions().writeId().isEmpty(), "the third app has no storage permissions");
        Run busy = run(tock, Vector.of(new Subscribe(unpermitted, 0), Command.size(unpermitted)), 1,
                observation -> Observation.failure(ErrorCode.BUSY));
        assertEquals(Option.some(Clause.COMMAND_1_NOSUPPORT), busy.violation().get().clause());

        Vector<Input> faulted = Vector.of(new Subscribe(APP, 1), new AllowReadWrite(APP, 0, 100), new FlashFault(),
                Command.read(APP, 0), new Drain(), new Yield(APP));
        Run faultedInval = run(faulted, 5, observation -> new Observation.Yielded(
                Option.some(Upcall.error(1, ErrorCode.INVAL)), ((Observation.Yielded) observation).readBuffer()));
        assertEquals(ErrorCode.FAIL.name(), explain(faultedInval).closest().clause().name().replace("SUBSCRIBE_1_", ""));
        assertEquals(Option.some(Clause.SUBSCRIBE_1_INVAL), faultedInval.violation().get().clause());

        // with a fault armed, an INVAL where RESERVE or the fault's FAIL were due: RESERVE's rule, though FAIL is closest
        Vector<Input> unbufferedFaulted = Vector.of(new Subscribe(APP, 1), new FlashFault(), Command.read(APP, 0),
                new Drain(), new Yield(APP));
        Run faultedReserve = run(unbufferedFaulted, 4, observation -> new Observation.Yielded(
                Option.some(Upcall.error(1, ErrorCode.INVAL)), Bytes.empty()));
        assertEquals(Clause.SUBSCRIBE_1_FAIL, explain(faultedReserve).closest().clause());
        assertEquals(Option.some(Clause.SUBSCRIBE_1_RESERVE), faultedReserve.violation().get().clause());
    }

    /**
     * An error that comes before the one due in docs/spec.md D11's order cannot have applied (it would have been
     * due): a read without a buffer answered NOMEM breaks the NOMEM rule, not RESERVE's (the orders themselves:
     * {@link ErrorPrecedenceTest}).
     */
    @Test
    void anErrorBeforeTheErrorDueIsFiledUnderItsOwnRule() {
        Vector<Input> unbuffered = Vector.of(new Subscribe(APP, 1), Command.read(APP, 0), new Drain(), new Yield(APP));
        Run nomem = run(unbuffered, 3, observation -> new Observation.Yielded(
                Option.some(Upcall.error(1, ErrorCode.NOMEM)), Bytes.empty()));
        assertEquals(Option.some(Clause.SUBSCRIBE_1_NOMEM), nomem.violation().get().clause());
        assertEquals(Clause.SUBSCRIBE_1_RESERVE, explain(nomem).closest().clause());
    }

    /**
     * A size upcall with a wrong value where, without a drain, the yield may also show no upcall yet: the
     * closest allowed answer is the size upcall, not "no upcall", so the divergence is filed under the size
     * upcall's clause, with one field that differs, and its description names that clause too. With two
     * wrong fields (status and argument) it is still the upcall: a difference of shape weighs more.
     */
    @Test
    void aWrongUpcallIsExplainedByTheUpcallDueNotByNoUpcall() {
        Vector<Input> inputs = Vector.of(new Subscribe(APP, 0), Command.size(APP), new Yield(APP));
        Run run = run(inputs, 2, observation -> new Observation.Yielded(Option.some(Upcall.success(0, 2060)), Bytes.empty()));
        assertTrue(run.violation().get().divergence().get().allowed()
                .exists(outcome -> outcome.admits(new Observation.Yielded(Option.none(), Bytes.empty()))), "no upcall yet is allowed");
        assertEquals(Option.some(Clause.SUBSCRIBE_0_SUCCESS), run.violation().get().clause());
        assertEquals(Vector.of(Field.ARG1), explain(run).differences().map(Difference::field));
        assertTrue(run.violation().get().description().endsWith("clause:   " + Clause.SUBSCRIBE_0_SUCCESS.citation()),
                run.violation().get().description());
        Run failed = run(inputs, 2, observation -> new Observation.Yielded(
                Option.some(Upcall.error(0, invs.spec.ErrorCode.FAIL)), Bytes.empty()));
        assertEquals(Vector.of(Field.STATUS, Field.ARG1), explain(failed).differences().map(Difference::field));
    }

    /**
     * A read with no buffer allowed while a flash fault is armed may end in RESERVE (no buffer) or FAIL (the
     * fault hit the region's allocation). A SUCCESS differs from both in as many fields; the fault's FAIL is
     * the closer explanation (a shrunk sequence keeps the fault only when the divergence needs it), so the
     * finding is filed under the FAIL rule, not the RESERVE one the model lists first. Without the fault the
     * same SUCCESS is filed under RESERVE, the one answer allowed.
     */
    @Test
    void aSuccessWhereAFaultOrAMissingBufferWereAllowedIsFiledUnderTheFault() {
        Observation ignored = new Observation.Yielded(Option.some(Upcall.success(1, 1)), Bytes.empty());
        Vector<Input> faulted = Vector.of(new Subscribe(APP, 1), new FlashFault(), Command.read(APP, 0), new Drain(),
                new Yield(APP));
        Run run = run(faulted, 4, observation -> ignored);
        Vector<ErrorCode> allowed = run.violation().get().divergence().get().allowed()
                .map(outcome -> outcome.expected().toString().contains("FAIL") ? ErrorCode.FAIL : ErrorCode.RESERVE);
        assertEquals(Vector.of(ErrorCode.RESERVE, ErrorCode.FAIL), allowed.distinct(), "both are allowed, RESERVE first");
        assertEquals(Option.some(Clause.SUBSCRIBE_1_FAIL), run.violation().get().clause());
        assertEquals(Clause.SUBSCRIBE_1_FAIL, explain(run).clause());
        assertEquals(Upcall.error(1, ErrorCode.FAIL).toString(), explain(run).closest().expected().toString()
                .replaceAll(", buffer.*", ""));

        Run unfaulted = run(faulted.removeAt(1), 3, observation -> ignored);
        assertEquals(Option.some(Clause.SUBSCRIBE_1_RESERVE), unfaulted.violation().get().clause());
    }

    /**
     * An upcall delivered though its app subscribed to its number again after the operation completed
     * (which drops the queued upcall, TRD104 4.2) is filed under TRD104's subscribe rule; the same upcall
     * delivered twice without a new subscription stays under liveness.
     */
    @Test
    void anUpcallASubscriptionShouldHaveDroppedIsFiledUnderTheSubscribeRule() {
        Observation sizeUpcall = new Observation.Yielded(Option.some(Upcall.success(0, 2048)), Bytes.empty());
        Vector<Input> resubscribed = Vector.of(new Subscribe(APP, 0), Command.size(APP), new Drain(), new Subscribe(APP, 0),
                new Yield(APP));
        Run run = run(resubscribed, 4, observation -> sizeUpcall);
        assertEquals(4, run.violation().get().step());
        assertEquals(Option.some(Clause.TRD104_SUBSCRIBE), run.violation().get().clause());
        Vector<Input> twice = Vector.of(new Subscribe(APP, 0), Command.size(APP), new Drain(), new Yield(APP), new Yield(APP));
        Run repeated = run(twice, 4, observation -> sizeUpcall);
        assertEquals(4, repeated.violation().get().step());
        assertEquals(Option.some(Clause.CLARIFIED_LIVENESS), repeated.violation().get().clause());
    }

    @Test
    void aLongUniformDifferenceIsCountedNotListed() {
        Difference difference = BufferWindow.of(Cells.filled(2048, 0xff), Bytes.filled(2048, 0));
        assertEquals("at 0: 2048 bytes of ff (2048 of 2048 bytes differ)", difference.expected());
        assertEquals("at 0: 2048 bytes of 00", difference.observed());
    }

    @Test
    void anEarlierReadThatTaughtTheSpecificationTheBytesIsNamedAsDeciding() {
        Bytes data = Bytes.fromHex("01020304");
        Vector<Input> inputs = Vector.of(new Subscribe(APP, 2), new AllowReadOnly(APP, 0, data), Command.write(APP, 0),
                new Reboot(0), new Subscribe(APP, 1), new AllowReadWrite(APP, 0, 4), Command.read(APP, 0), new Drain(),
                new Yield(APP), new AllowReadWrite(APP, 0, 4), Command.read(APP, 0), new Drain(), new Yield(APP));
        Run reference = Session.run(DOC, ReferenceSystem::new, Checks.online(), inputs);
        assertTrue(reference.violation().isEmpty(), "the reference conforms");
        Observation first = reference.steps().get(8).observation().get();
        Bytes seen = ((Observation.Yielded) first).readBuffer();
        Bytes other = Bytes.of(new byte[] {(byte) ~seen.get(0), seen.get(1), seen.get(2), seen.get(3)});
        Run run = run(inputs, 12, observation -> new Observation.Yielded(((Observation.Yielded) observation).upcall(), other));
        assertEquals(12, run.violation().get().step(), "reads are stable: the second read must show what the first did");
        Vector<String> deciding = explain(run).deciding();
        assertEquals(1, deciding.size(), deciding.toString());
        assertTrue(deciding.head().startsWith("step 9 (app0 yield) showed "), deciding.head());
        assertTrue(deciding.head().endsWith("knew those bytes (reads are stable, docs/spec.md #crash), without which step 13"
                + " would have been allowed"), deciding.head());
    }

    @Test
    void withoutNarrowingNoStepIsDeciding() {
        Vector<TraceStep> steps = Vector.of(TraceStep.of(new Subscribe(APP, 0), Observation.success()),
                TraceStep.of(new Yield(APP), new Observation.Yielded(Option.some(Upcall.success(0, 5)), Bytes.empty())));
        assertEquals(Vector.empty(), DecidingSteps.of(DOC, steps));
    }
}
