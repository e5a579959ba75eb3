package invs.conformance.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.DriverNumbers;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Restart;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class KernelShadowTest {
    private static final AppId APP = AppId.of(0);

    @Test
    void buffersCountFromTheirAcceptedAllowUntilTheAppRestarts() {
        KernelShadow shadow = new KernelShadow(2);
        for (int number : new int[]{DriverNumbers.READ, DriverNumbers.WRITE}) {
            assertFalse(shadow.hasBuffer(0, number));
            assertEquals(0, shadow.bufferLength(0, number));
        }
        assertEquals(Option.none(), shadow.readWrite(0));
        shadow.observe(new AllowReadWrite(APP, DriverNumbers.BUFFER, 0), Observation.success());
        assertTrue(shadow.hasBuffer(0, DriverNumbers.READ), "a zero-length buffer is a buffer");
        assertEquals(Option.some(0), shadow.readWrite(0));
        assertFalse(shadow.hasBuffer(0, DriverNumbers.WRITE));
        shadow.observe(new AllowReadOnly(APP, DriverNumbers.BUFFER, Bytes.of(new byte[]{1, 2, 3})),
                Observation.success());
        shadow.observe(new AllowReadWrite(APP, DriverNumbers.BUFFER, 9), Observation.failure(ErrorCode.NOMEM));
        assertEquals(0, shadow.bufferLength(0, DriverNumbers.READ), "a refused allow changes nothing");
        shadow.observe(new AllowReadWrite(APP, DriverNumbers.BUFFER, 7), Observation.success());
        assertEquals(7, shadow.bufferLength(0, DriverNumbers.READ));
        assertEquals(3, shadow.bufferLength(0, DriverNumbers.WRITE));
        assertTrue(shadow.hasBuffer(0, DriverNumbers.WRITE));
        assertFalse(shadow.hasBuffer(1, DriverNumbers.READ), "another app's buffers are its own");
        shadow.observe(new Restart(APP), Observation.quiet());
        assertFalse(shadow.hasBuffer(0, DriverNumbers.READ));
        assertFalse(shadow.hasBuffer(0, DriverNumbers.WRITE));
        assertEquals(Option.none(), shadow.readOnly(0));
    }
}
