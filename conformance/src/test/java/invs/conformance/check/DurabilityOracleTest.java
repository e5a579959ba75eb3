package invs.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import org.junit.jupiter.api.Test;

class DurabilityOracleTest {
    private static final AppId APP = AppId.of(0);
    private static final Bytes DATA = Bytes.fromHex("a1b2c3");

    private static Script written() {
        return new Script(Configuration.defaults(Profile.DOC), shadow -> new DurabilityOracle(Configuration.defaults(Profile.DOC), shadow))
                .ok(new Subscribe(APP, 1)).ok(new Subscribe(APP, 2))
                .ok(new AllowReadOnly(APP, 0, DATA)).ok(Command.write(APP, 10)).quiet(new Drain())
                .yielded(APP, Upcall.success(2, 3), Bytes.empty());
    }

    private static Script readBack(Script script, Bytes seen) {
        return script.ok(new AllowReadWrite(APP, 0, 3)).ok(Command.read(APP, 10)).quiet(new Drain())
                .yielded(APP, Upcall.success(1, 3), seen);
    }

    @Test
    void anAcknowledgedWriteReadsBackAcrossAReboot() {
        Script script = readBack(written().quiet(new Reboot(5)).ok(new Subscribe(APP, 1)), DATA);
        assertTrue(script.violation().isEmpty());
    }

    /**
     * On a region of 10,000 bytes the oracle keeps what it saw in pages of 4 KiB: a write across the end of
     * the first page and one in the short last page are remembered, and a byte read back wrong is named.
     */
    @Test
    void writesAcrossPagesOfALargeRegionAreRemembered() {
        Configuration large = Configuration.defaults(Profile.DOC).withRegionSize(10_000).withStorageLength(65_536);
        Script script = new Script(large, shadow -> new DurabilityOracle(large, shadow))
                .ok(new Subscribe(APP, 1)).ok(new Subscribe(APP, 2))
                .ok(new AllowReadOnly(APP, 0, Bytes.fromHex("01020304"))).ok(Command.write(APP, 4094)).quiet(new Drain())
                .yielded(APP, Upcall.success(2, 4), Bytes.empty())
                .ok(new AllowReadOnly(APP, 0, Bytes.fromHex("0506"))).ok(Command.write(APP, 9998)).quiet(new Drain())
                .yielded(APP, Upcall.success(2, 2), Bytes.empty())
                .quiet(new Reboot(0)).ok(new Subscribe(APP, 1))
                .ok(new AllowReadWrite(APP, 0, 4)).ok(Command.read(APP, 4094)).quiet(new Drain())
                .yielded(APP, Upcall.success(1, 4), Bytes.fromHex("01020304"));
        assertTrue(script.violation().isEmpty(), () -> script.violation().get().description());
        Script wrong = script.ok(new AllowReadWrite(APP, 0, 2)).ok(Command.read(APP, 9998)).quiet(new Drain())
                .yielded(APP, Upcall.success(1, 2), Bytes.fromHex("0507"));
        assertTrue(wrong.violation().get().description().contains("byte 9999 of app0's region read as 0x07, but it was 0x06"),
                wrong.violation().get().description());
    }

    @Test
    void anAcknowledgedWriteLostAtARebootIsADurabilityViolation() {
        Script script = readBack(written().quiet(new Reboot(0)).ok(new Subscribe(APP, 1)), Bytes.fromHex("a1ffc3"));
        assertEquals(Property.DURABILITY, script.violation().get().property());
        assertTrue(script.violation().get().description().contains("byte 11 of app0's region read as 0xff, but it was 0xb2"),
                script.violation().get().description());
    }

    @Test
    void aWriteCutByARebootMayLeaveItsOwnRangeAnyway() {
        Script script = written().ok(new AllowReadOnly(APP, 0, Bytes.fromHex("0000"))).ok(Command.write(APP, 11))
                .quiet(new Reboot(1)).ok(new Subscribe(APP, 1));
        assertTrue(readBack(script, Bytes.fromHex("a1ee77")).violation().isEmpty());
        Script outside = written().ok(new AllowReadOnly(APP, 0, Bytes.fromHex("00"))).ok(Command.write(APP, 11))
                .quiet(new Reboot(1)).ok(new Subscribe(APP, 1));
        assertTrue(readBack(outside, Bytes.fromHex("a1eeff")).violation().isDefined(), "byte 12 was outside the cut write");
    }

    @Test
    void aReadTeachesTheBytesItSaw() {
        Script script = new Script(Configuration.defaults(Profile.DOC), shadow -> new DurabilityOracle(Configuration.defaults(Profile.DOC), shadow)).ok(new Subscribe(APP, 1));
        script = readBack(script, Bytes.fromHex("010203"));
        script = readBack(script.quiet(new Reboot(0)).ok(new Subscribe(APP, 1)), Bytes.fromHex("010204"));
        assertEquals(10, script.violation().get().step());
    }

    @Test
    void aWriteWhoseBufferWasReallowedTeachesNothingEvenWhenAnsweredLate() {
        Script script = new Script(Configuration.defaults(Profile.DOC), shadow -> new DurabilityOracle(Configuration.defaults(Profile.DOC), shadow))
                .ok(new Subscribe(APP, 0)).ok(new Subscribe(APP, 2)).ok(Command.size(APP)).quiet(new Drain())
                .ok(new AllowReadOnly(APP, 0, Bytes.fromHex("00"))).ok(Command.write(APP, 0))
                .ok(new AllowReadOnly(APP, 0, Bytes.fromHex("aa"))).quiet(new Drain())
                .yielded(APP, Upcall.success(0, 2048), Bytes.empty())
                .ok(Command.read(APP, 0)).quiet(new Drain())
                .yielded(APP, Upcall.success(2, 1), Bytes.empty())
                .ok(new AllowReadWrite(APP, 0, 1)).ok(new Subscribe(APP, 1)).ok(Command.read(APP, 0))
                .quiet(new Drain()).yielded(APP, Upcall.success(1, 1), Bytes.fromHex("aa"));
        assertTrue(script.violation().isEmpty(), () -> script.violation().get().description());
    }
}
