package invs.conformance.engine;

import invs.spec.AddressWidth;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The configurations the default suite runs on, together reaching every corner: the default board of
 * the doc profile (two apps and one without permissions), the FixedSize and kernel permission variants,
 * a small storage that four apps exhaust, a 64-bit kernel, and the tock profile (transfers cut to 512
 * bytes, high word ignored, slot-order service).
 */
public final class StandardConfigurations {
    private StandardConfigurations() {
    }

    /** The doc profile's default board: 8 KiB, 2 KiB regions, apps alpha and beta (SelfOnly) and gamma (none). */
    public static NamedConfiguration docDefault() {
        return new NamedConfiguration("doc-default", Configuration.defaults(Profile.DOC));
    }

    /**
     * Permission variants: FixedSize with everything; FixedSize that may only read its own region (by
     * listing its id); FixedSize with a write id but no access to it; FixedSize that may only modify; no
     * write permission; and the kernel's permissions (id 0).
     */
    public static NamedConfiguration docPermissions() {
        Vector<App> apps = Vector.of(
                fixed("full", 0x2001, true, true, Vector.empty(), Vector.empty()),
                fixed("read-listed", 0x2002, true, false, Vector.of(0x2002L), Vector.empty()),
                fixed("no-access", 0x2003, true, false, Vector.of(0x2001L), Vector.of(0x2001L)),
                fixed("modify-only", 0x2004, true, false, Vector.empty(), Vector.of(0x2004L)),
                fixed("no-write", 0x2005, false, true, Vector.empty(), Vector.empty()),
                new App("kernel", Option.some(ShortId.of(0x2006)), StoragePermissions.kernel()));
        Configuration configuration = new Configuration(6 * (256 + Configuration.HEADER_SIZE), 256, Option.none(),
                AddressWidth.BITS_32, apps, Profile.DOC);
        return new NamedConfiguration("doc-permissions", configuration);
    }

    /** Four apps on a storage with room for two regions of 96 bytes (and some bytes to spare). */
    public static NamedConfiguration docExhaustion() {
        Vector<App> apps = Vector.of(App.selfOnly("a", 0x3001), App.selfOnly("b", 0x3002), App.selfOnly("c", 0x3003),
                App.selfOnly("d", 0x3004));
        Configuration configuration = new Configuration(2 * (96 + Configuration.HEADER_SIZE) + 50, 96, Option.none(),
                AddressWidth.BITS_32, apps, Profile.DOC);
        return new NamedConfiguration("doc-exhaustion", configuration);
    }

    /** The default board with a 64-bit kernel: offsets are {@code arg1 | arg2 << 32}. */
    public static NamedConfiguration doc64() {
        return new NamedConfiguration("doc-64bit",
                Configuration.defaults(Profile.DOC).withAddressWidth(AddressWidth.BITS_64));
    }

    /** The tock profile's default board (transfer limit 512). */
    public static NamedConfiguration tockDefault() {
        return new NamedConfiguration("tock-default", Configuration.defaults(Profile.TOCK));
    }

    /** The tock profile on the exhaustion board: slot-order service decides who gets the space. */
    public static NamedConfiguration tockExhaustion() {
        return new NamedConfiguration("tock-exhaustion", docExhaustion().configuration().withProfile(Profile.TOCK)
                .withTransferLimit(Option.some(Configuration.TOCK_KERNEL_BUFFER)));
    }

    /** All of them, in this order. */
    public static Vector<NamedConfiguration> all() {
        return Vector.of(docDefault(), docPermissions(), docExhaustion(), doc64(), tockDefault(), tockExhaustion());
    }

    /** The one called {@code name}, if any. */
    public static Option<NamedConfiguration> named(String name) {
        return all().find(named -> named.name().equals(name));
    }

    private static App fixed(String name, long id, boolean write, boolean self, Vector<Long> read, Vector<Long> modify) {
        return new App(name, Option.some(ShortId.of(id)), new StoragePermissions.FixedSize(ShortId.of(id), write, self,
                read.map(ShortId::of), modify.map(ShortId::of)));
    }
}
