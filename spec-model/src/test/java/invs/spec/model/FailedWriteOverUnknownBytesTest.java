package invs.spec.model;

import static invs.spec.model.Scenario.app;

import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A write that fails with a flash fault changes the bytes it may have reached even where they were unknown
 * already: a read completed before it teaches nothing about them afterwards (CLARIFIED_CRASH; reads are
 * stable only while the region does not change).
 */
class FailedWriteOverUnknownBytesTest {
    private static final AppId A = app(0);
    private static final Upcall READ_FOUR = Upcall.success(1, 4);

    @Test
    void aReadShownAfterAFailedWriteOverTheSameUnknownBytesDoesNotFixWhatTheyHoldNow() {
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC)).subscribeAll(A)
                // a failed write leaves region bytes 0..4 unknown
                .failedWriteAtStart(A)
                // a read copies them, unknown, to the buffer and completes
                .then(new AllowReadWrite(A, 0, 4), Observation.success())
                .then(Command.read(A, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                // then, before the app sees the read, a second write of the same bytes fails too
                .then(new FlashFault(), Observation.quiet())
                .then(Command.write(A, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                // the read showed what storage held before the second write: 11 11 11 11
                .then(new Yield(A), new Observation.Yielded(Option.some(READ_FOUR), Bytes.filled(4, 0x11)))
                .then(new Yield(A), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.filled(4, 0x11)));
        // the second write may have reached the bytes (its own 0xAB, or anything between): a read now may show
        // what it left, not what the first read saw
        scenario.then(Command.read(A, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                .then(new Yield(A), new Observation.Yielded(Option.some(READ_FOUR), Bytes.fromHex("abab1111")))
                // and that is stable
                .then(Command.read(A, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                .refuses(new Yield(A), new Observation.Yielded(Option.some(READ_FOUR), Bytes.filled(4, 0x11)))
                .then(new Yield(A), new Observation.Yielded(Option.some(READ_FOUR), Bytes.fromHex("abab1111")));
    }
}
