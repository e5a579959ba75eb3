package invs.conformance.check;

import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A board whose regions the specification cannot hold in the heap is refused with its figures. */
class SpecificationMemoryTest {
    private static final long HEAP = 256L << 20;

    private static Configuration board(int apps, int regionSize) {
        return Configuration.defaults(Profile.DOC).withRegionSize(regionSize).withStorageLength(0xFFFF_FFFFL)
                .withApps(Vector.range(0, apps).map(slot -> App.selfOnly("a" + slot, 0x1000 + slot)));
    }

    @Test
    void regionsWithinHalfTheHeapAreChecked() {
        assertEquals(Option.none(), SpecificationMemory.refusal(Configuration.defaults(Profile.DOC), HEAP));
        // 4 apps of 8 MiB: 128 MiB counted, half the heap
        assertEquals(Option.none(), SpecificationMemory.refusal(board(4, 8 << 20), HEAP));
    }

    @Test
    void moreIsRefusedNamingTheFigures() {
        assertEquals(Option.some("the specification keeps every region in memory: 48 apps with regions of 16777215 bytes"
                        + " need about 3071 MiB, more than half this JVM's 256 MiB heap; give Java more memory"
                        + " (INVS_JAVA_OPTS=-Xmx…) or use smaller regions"),
                SpecificationMemory.refusal(board(48, Configuration.MAX_REGION_SIZE), HEAP));
        assertEquals(true, SpecificationMemory.refusal(board(5, 8 << 20), HEAP).isDefined());
    }
}
