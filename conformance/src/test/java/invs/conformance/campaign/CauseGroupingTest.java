package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.generation.Swarm;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Findings of one defect whose own readings differ are one cause (docs/conformance.md, "One report per
 * cause"): each case pins two findings of a zoo mutant, their different readings, and that they group
 * into one cause.
 */
class CauseGroupingTest {
    private static final AppId A = AppId.of(0);
    private static final AppId B = AppId.of(1);
    private static final Configuration BOARD = StandardConfigurations.docDefault().configuration();
    private static final Checks CHECKS = Checks.of(Vector.of(Property.values()));

    private static Failure failure(Mutant mutant, Configuration board, Vector<Input> inputs, long order) {
        Run run = Session.run(board, mutant, CHECKS, inputs);
        return new Failure("board", run, CHECKS, order, order, "try " + order, Swarm.everything(), Duration.ZERO);
    }

    /** The signatures of {@code sequences} on {@code mutant}, and the number of causes they group into. */
    private static void assertOneCause(String name, Vector<Input> first, String firstReading, Vector<Input> second,
                                       String secondReading) {
        assertOneCause(name, BOARD, first, firstReading, BOARD, second, secondReading);
    }

    private static void assertOneCause(String name, Configuration firstBoard, Vector<Input> first, String firstReading,
                                       Configuration secondBoard, Vector<Input> second, String secondReading) {
        Mutant mutant = Zoo.named(name).get();
        assertEquals(firstReading, Signature.of(failure(mutant, firstBoard, first, 0).violation()));
        assertEquals(secondReading, Signature.of(failure(mutant, secondBoard, second, 1).violation()));
        Triage triage = new Triage(name, mutant, Option.none(), Duration.ofSeconds(5), Option.none(), CampaignListener.NONE);
        triage.report(failure(mutant, firstBoard, first, 0));
        triage.report(failure(mutant, secondBoard, second, 1));
        Vector<Cause> causes = triage.finish(1);
        assertEquals(2, causes.flatMap(Cause::findings).size(), "two rules broken");
        assertEquals(1, causes.size(), causes.map(Cause::signature).mkString(", "));
    }

    /**
     * A subscription a restart should have dropped: its upcall where none was due, and the same upcall where
     * the specification expected another operation's. Shrunk keeping the unexpected upcall, the second
     * loses the other operation and reads as the first.
     */
    @Test
    void anUpcallNeverDueIsOneCauseWhateverWasExpectedInstead() {
        assertOneCause("restart-keeps-subscriptions",
                Vector.of(new Subscribe(A, 1), new Restart(A), new Command(A, 2, 0, 0), new Drain(), new Yield(A)),
                "lockstep at yield [upcall: expected none]",
                Vector.of(new Subscribe(A, 0), new Restart(A), new Subscribe(A, 2), new Command(A, 1, 0, 0), new Drain(),
                        new Command(A, 3, 0, 0), new Drain(), new Yield(A)),
                "lockstep at yield [upcall number: expected 2]");
    }

    /**
     * An upcall delivered twice: a second yield gets it again, and the repeat, taken for the next
     * operation's completion, leaves that operation pending so that a third is refused BUSY. Settled (drained
     * and yielded) before the BUSY, the second shows the extra upcall as the first does.
     */
    @Test
    void aRepeatedUpcallAndTheBusyItLeavesAreOneCause() {
        assertOneCause("upcall-repeated",
                Vector.of(new Subscribe(A, 0), new Command(A, 1, 0, 0), new Drain(), new Yield(A), new Yield(A)),
                "lockstep at yield [upcall: expected none]",
                Vector.of(new Subscribe(A, 0), new Command(A, 1, 0, 0), new Drain(), new Yield(A), new Command(A, 1, 0, 0),
                        new Yield(A), new Command(A, 1, 0, 0)),
                "lockstep at command [synchronous return: expected SUCCESS]");
    }

    /**
     * A reboot that loses the regions: an app's data gone when it reads its region back, and, where storage
     * holds one region, a region handed out to a second app. The first's steps up to the reboot, spliced
     * into the second's on its board, fill the storage and fail as the second does.
     */
    @Test
    void dataLostAndARegionHandedOutTwiceAreOneCauseAcrossTheReboot() {
        Configuration oneRegion = BOARD.withStorageLength(BOARD.regionSize() + 12L);
        assertOneCause("reboot-loses-regions",
                BOARD, Vector.of(new AllowReadOnly(A, 0, Bytes.of((byte) 0)), new Command(A, 3, 0, 0), new Drain(), new Reboot(0),
                        new AllowReadWrite(A, 0, 1), new Command(A, 2, 0, 0), new Drain(), new Yield(A)),
                "lockstep at yield [buffer bytes]",
                oneRegion, Vector.of(new Command(B, 1, 0, 0), new Drain(), new Reboot(0), new Subscribe(A, 0),
                        new Command(A, 1, 0, 0), new Drain(), new Yield(A)),
                "lockstep at yield [status: expected NOMEM]");
    }

    /**
     * An operation refused NOMEM at once when storage is full: refused where an app already holds its grant,
     * and, as an app's first call after a reboot, where the specification reads the refusal as the kernel's
     * lack of memory for the grant and then expects the app's next allow refused as well. With every app
     * subscribed after the reboot (the grant taken), the second's refusal fails at once as the first does.
     */
    @Test
    void aRefusalReadAsTheGrantsIsOneCauseWithTheSameRefusalOnceTheGrantIsTaken() {
        Configuration full = BOARD.withApps(BOARD.apps().take(1)).withStorageLength(1);
        assertOneCause("nomem-synchronous",
                full, Vector.of(new Subscribe(A, 2), new Command(A, 3, 0, 0), new Drain(), new Yield(A), new Command(A, 1, 0, 0)),
                "lockstep at command [synchronous return: expected SUCCESS]",
                full, Vector.of(new Subscribe(A, 0), new Command(A, 1, 0, 0), new Drain(), new Yield(A), new Reboot(0),
                        new Command(A, 1, 0, 0), new AllowReadWrite(A, 0, 1)),
                "lockstep at allow-rw [synchronous return: expected FAILURE NOMEM]");
    }

    /**
     * Processing that stalls after two steps until the next request: a command refused BUSY after a drain
     * that should have completed the operation before it, and, where a read stalled until a later
     * subscription re-armed it, the read's upcall delivered where the write after it was due. The second's
     * steps up to its first drain, followed by the first's command, show the same BUSY.
     */
    @Test
    void aBusyAfterADrainAndAnUpcallDeliveredLateAreOneCause() {
        Configuration tock = StandardConfigurations.tockDefault().configuration();
        Configuration oneApp = tock.withApps(tock.apps().take(1));
        assertOneCause("drain-stalls",
                oneApp.withStorageLength(21).withRegionSize(255),
                Vector.of(new Command(A, 2, 0, 0), new Drain(), new Command(A, 2, 0, 0)),
                "lockstep at command [synchronous return: expected SUCCESS]",
                oneApp.withStorageLength(13).withRegionSize(8192),
                Vector.of(new Subscribe(A, 2), new Command(A, 2, 0, 0), new Drain(), new Subscribe(A, 1), new Drain(),
                        new Command(A, 3, 0, 0), new Drain(), new Yield(A)),
                "lockstep at yield [upcall number: expected 2]");
    }
}
