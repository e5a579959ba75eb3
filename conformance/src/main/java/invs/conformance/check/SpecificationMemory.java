package invs.conformance.check;

import invs.spec.Configuration;
import io.vavr.control.Option;

/**
 * Whether the specification can check a board within this JVM's heap. Its states share the pages of a region
 * that no write of theirs touched ({@link invs.spec.model.Cells}), so a state costs the pages it wrote, but a
 * region written all over is held whole, as are the reference implementation's flash and the durability
 * oracle's record of the bytes seen: a board of a few lines (48 apps with regions of 16 MiB) can need
 * gigabytes. Such a board is refused with its figures before any checking, instead of running out of memory
 * part way.
 */
public final class SpecificationMemory {
    /**
     * The heap counted per byte of each app's region: a region written all over, by a state and by the
     * reference implementation, and the durability oracle's record of the bytes seen, with room to spare.
     */
    static final int BYTES_PER_REGION_BYTE = 4;

    private SpecificationMemory() {
    }

    /** Why the specification cannot check {@code configuration} within this JVM's heap, or none when it can. */
    public static Option<String> refusal(Configuration configuration) {
        return refusal(configuration, Runtime.getRuntime().maxMemory());
    }

    /** Why the specification cannot check {@code configuration} within {@code heap} bytes, or none when it can. */
    static Option<String> refusal(Configuration configuration, long heap) {
        long owners = configuration.apps().count(app -> app.permissions().writeId().isDefined());
        long needed = owners * configuration.regionSize() * BYTES_PER_REGION_BYTE;
        if (needed <= heap / 2) {
            return Option.none();
        }
        return Option.some(String.format("the specification keeps every region in memory: %d apps with regions of %d"
                + " bytes need about %d MiB, more than half this JVM's %d MiB heap; give Java more memory"
                + " (INVS_JAVA_OPTS=-Xmx…) or use smaller regions", owners, configuration.regionSize(), needed >> 20, heap >> 20));
    }
}
