package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Tick;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

class InputBoundsTest {
    private static final Configuration THREE = Configuration.defaults(Profile.DOC);
    private static final TraceLimits LIMITS = new TraceLimits(1000);

    @Test
    void everyAppMustBeOnTheBoard() {
        assertEquals(3, THREE.apps().size());
        assertTrue(InputBounds.problem(new Yield(AppId.of(2)), THREE, LIMITS).isEmpty());
        assertEquals("field app: app 3 is not on the board: the configuration has 3 apps (slots 0 to 2)",
                InputBounds.problem(new Command(AppId.of(3), 1, 0, 0), THREE, LIMITS).get().getMessage());
        assertEquals("field app: app 7 is not on the board: the configuration has 3 apps (slots 0 to 2)",
                InputBounds.problem(new Restart(AppId.of(7)), THREE, LIMITS).get().getMessage());
        Configuration one = THREE.withApps(Vector.of(App.selfOnly("solo", 1)));
        assertEquals("field app: app 1 is not on the board: the configuration has 1 app (slot 0)",
                InputBounds.problem(new Yield(AppId.of(1)), one, LIMITS).get().getMessage());
        assertTrue(InputBounds.problem(new Tick(), one, LIMITS).isEmpty(), "events name no app");
    }

    @Test
    void theProblemOfAStepNamesItsLineAndField() {
        Trace trace = Trace.ofInputs(TraceHeader.of(THREE, 0, ""), Vector.of(new Tick(), new AllowReadWrite(AppId.of(0), 0, 1001)));
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> InputBounds.checkSteps(trace, THREE, LIMITS, index -> index + 10));
        assertEquals("line 11, field input.length: 1001 bytes is more than the largest buffer allowed, 1000 bytes"
                + " (--max-buffer)", e.getMessage());
    }

    @Test
    void theYieldsOfATraceShowABoundedAmountOfBuffersInAll() {
        Vector<invs.spec.Input> inputs = Vector.of(new AllowReadWrite(AppId.of(0), 0, 1000));
        inputs = inputs.appendAll(Vector.fill(TraceLimits.SHOWN_BUFFERS, new Yield(AppId.of(0))));
        Trace fits = Trace.ofInputs(TraceHeader.of(THREE, 0, ""), inputs);
        InputBounds.checkShown(fits, LIMITS, index -> index + 2);
        Trace over = Trace.ofInputs(TraceHeader.of(THREE, 0, ""), inputs.append(new Yield(AppId.of(0))));
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> InputBounds.checkShown(over, LIMITS, index -> index + 2));
        assertEquals(2 + TraceLimits.SHOWN_BUFFERS + 1, e.line());
        assertEquals("input", e.field());
        Trace rebooted = Trace.ofInputs(TraceHeader.of(THREE, 0, ""), inputs.append(new Reboot(0))
                .appendAll(Vector.fill(50, new Yield(AppId.of(0)))).append(new Restart(AppId.of(0))));
        InputBounds.checkShown(rebooted, LIMITS, index -> index + 2);
    }

    @Test
    void aTraceLeavingMoreThanSixteenLargestBuffersAllowedAtOnceIsRefusedAtTheAllow() {
        Vector<invs.spec.Input> inputs = Vector.range(0, TraceLimits.SHOWN_BUFFERS)
                .map(number -> new AllowReadWrite(AppId.of(number % 3), number, 1000));
        InputBounds.checkShown(Trace.ofInputs(TraceHeader.of(THREE, 0, ""), inputs), LIMITS, index -> index + 2);
        Trace over = Trace.ofInputs(TraceHeader.of(THREE, 0, ""), inputs.append(new AllowReadWrite(AppId.of(1), 99, 1)));
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> InputBounds.checkShown(over, LIMITS, index -> index + 2));
        assertEquals(2 + TraceLimits.SHOWN_BUFFERS, e.line());
        assertEquals("input.length", e.field());
        Trace restarted = Trace.ofInputs(TraceHeader.of(THREE, 0, ""), inputs.append(new Restart(AppId.of(0)))
                .append(new AllowReadWrite(AppId.of(1), 99, 1000)));
        InputBounds.checkShown(restarted, LIMITS, index -> index + 2);
    }
}
