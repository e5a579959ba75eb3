package invs.spec.model;

import static invs.spec.model.Scenario.app;

import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A buffer shown while a read is in flight teaches nothing, not even where it was unknown before: the
 * bytes an earlier read copied from storage may be overwritten by the new read already ({#crash}).
 */
class InFlightReadTest {

    @Test
    void aBufferShownWhileAReadIsInFlightTeachesNothingAboutWhatAnEarlierReadCopied() {
        AppId a = app(0);
        Scenario scenario = new Scenario(Configuration.defaults(Profile.DOC)).subscribeAll(a)
                // a failed write leaves region bytes 0..4 unknown
                .failedWriteAtStart(a)
                // a read copies them, unknown, to the buffer; a second read (of erased bytes) starts
                .then(new AllowReadWrite(a, 0, 4), Observation.success())
                .then(Command.read(a, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                .then(Command.read(a, 100), Observation.success())
                // the first read's upcall, shown with the second read half-copied
                .then(new Yield(a), new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.fromHex("ffffabab")))
                .then(new Drain(), Observation.quiet())
                .then(new Yield(a), new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.filled(4, 0xFF)))
                .then(Command.read(a, 0), Observation.success())
                .then(new Drain(), Observation.quiet());
        // the failed write may have left exactly its own bytes: the half-copied ff ff was not storage's
        scenario.then(new Yield(a), new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.filled(4, 0xAB)))
                // shown with no read in flight, they are learned: reads are stable
                .then(Command.read(a, 0), Observation.success())
                .then(new Drain(), Observation.quiet())
                .refuses(new Yield(a), new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.fromHex("ffffabab")))
                .then(new Yield(a), new Observation.Yielded(Option.some(Upcall.success(1, 4)), Bytes.filled(4, 0xAB)));
    }
}
