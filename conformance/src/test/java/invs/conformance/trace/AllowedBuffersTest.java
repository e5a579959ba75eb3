package invs.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Tick;
import org.junit.jupiter.api.Test;

/** The bytes of buffers allowed at once: counted as a system keeps them, refused past 16 largest buffers. */
class AllowedBuffersTest {
    private static final TraceLimits LIMITS = new TraceLimits(16); // 256 bytes allowed at once
    private static final AppId APP0 = AppId.of(0);
    private static final AppId APP1 = AppId.of(1);

    @Test
    void anAllowReplacesTheBufferOfItsAppKindAndNumber() {
        AllowedBuffers buffers = new AllowedBuffers(LIMITS);
        buffers.admit(new AllowReadWrite(APP0, 0, 16));
        buffers.admit(new AllowReadWrite(APP0, 0, 10));
        buffers.admit(new AllowReadWrite(APP0, 1, 16));
        buffers.admit(new AllowReadOnly(APP0, 0, Bytes.filled(16, 1)));
        buffers.admit(new AllowReadWrite(APP1, 0, 16));
        buffers.admit(new Tick());
        assertEquals(10 + 16 + 16 + 16, buffers.total());
        buffers.admit(new Restart(APP0));
        assertEquals(16, buffers.total(), "a restart takes back the app's buffers");
        buffers.admit(new Reboot(0));
        assertEquals(0, buffers.total(), "a reboot takes back every buffer");
    }

    @Test
    void anAllowPastTheLimitIsRefusedAndNotCounted() {
        AllowedBuffers buffers = new AllowedBuffers(LIMITS);
        for (int number = 0; number < TraceLimits.SHOWN_BUFFERS; number++) {
            assertTrue(buffers.admit(new AllowReadWrite(APP0, number, 16)).isEmpty());
        }
        assertEquals(256, buffers.total());
        TraceFormatException refused = buffers.admit(new AllowReadOnly(APP1, 0, Bytes.filled(1, 1))).get();
        assertEquals("field data: the buffers allowed at once would hold 257 bytes in all, more than 256 bytes"
                + " (16 times the largest buffer, --max-buffer)", refused.getMessage());
        assertEquals(256, buffers.total());
        assertTrue(buffers.admit(new AllowReadWrite(APP0, 3, 0)).isEmpty(), "giving a buffer back is always admitted");
        assertTrue(buffers.admit(new AllowReadOnly(APP1, 0, Bytes.filled(16, 1))).isEmpty());
    }
}
