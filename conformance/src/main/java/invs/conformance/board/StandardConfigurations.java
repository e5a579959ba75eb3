package invs.conformance.board;

import invs.spec.AddressWidth;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The standard boards, instantiated under one profile (a campaign checks one reading of the document):
 * the default board (two apps and one without permissions), the FixedSize and kernel permission
 * variants, a small storage that four apps exhaust, and a 64-bit kernel. Each is named
 * {@code <profile>-<shape>}, for example {@code doc-default} or {@code tock-exhaustion}; under {@code tock}
 * transfers are cut to the capsule's 512-byte buffer.
 */
public final class StandardConfigurations {
    /** The shapes, in the order {@link #of(Profile)} lists them. */
    public static final Vector<String> SHAPES = Vector.of("default", "permissions", "exhaustion", "64bit");

    private StandardConfigurations() {
    }

    /** The standard boards under {@code profile}, in the order of {@link #SHAPES}. */
    public static Vector<NamedConfiguration> of(Profile profile) {
        return Vector.of(defaultBoard(profile), permissions(profile), exhaustion(profile), wide(profile));
    }

    /** The standard boards under both profiles: doc's, then tock's (for suites that check both readings). */
    public static Vector<NamedConfiguration> all() {
        return of(Profile.DOC).appendAll(of(Profile.TOCK));
    }

    /** The one called {@code name} (under either profile), if any. */
    public static Option<NamedConfiguration> named(String name) {
        return all().find(named -> named.name().equals(name));
    }

    /** The doc profile's default board. */
    public static NamedConfiguration docDefault() {
        return defaultBoard(Profile.DOC);
    }

    /** The doc profile's permission variants. */
    public static NamedConfiguration docPermissions() {
        return permissions(Profile.DOC);
    }

    /** The doc profile's exhaustion board. */
    public static NamedConfiguration docExhaustion() {
        return exhaustion(Profile.DOC);
    }

    /** The tock profile's default board (transfer limit 512). */
    public static NamedConfiguration tockDefault() {
        return defaultBoard(Profile.TOCK);
    }

    /** The default board: 8 KiB, 2 KiB regions, apps alpha and beta (SelfOnly) and gamma (none). */
    public static NamedConfiguration defaultBoard(Profile profile) {
        return named(profile, "default", Configuration.defaults(profile));
    }

    /**
     * Permission variants: FixedSize with everything; FixedSize that may only read its own region (by
     * listing its id); FixedSize with a write id but no access to it; FixedSize that may only modify; no
     * write permission; and the kernel's permissions (id 0).
     */
    public static NamedConfiguration permissions(Profile profile) {
        Vector<App> apps = Vector.of(
                fixed("full", 0x2001, true, true, Vector.empty(), Vector.empty()),
                fixed("read-listed", 0x2002, true, false, Vector.of(0x2002L), Vector.empty()),
                fixed("no-access", 0x2003, true, false, Vector.of(0x2001L), Vector.of(0x2001L)),
                fixed("modify-only", 0x2004, true, false, Vector.empty(), Vector.of(0x2004L)),
                fixed("no-write", 0x2005, false, true, Vector.empty(), Vector.empty()),
                new App("kernel", Option.some(ShortId.of(0x2006)), StoragePermissions.kernel()));
        Configuration configuration = new Configuration(6 * (256 + Configuration.HEADER_SIZE), 256,
                Configuration.defaultTransferLimit(profile), AddressWidth.BITS_32, apps, profile);
        return named(profile, "permissions", configuration);
    }

    /** Four apps on a storage with room for two regions of 96 bytes (and some bytes to spare): NOMEM. */
    public static NamedConfiguration exhaustion(Profile profile) {
        Vector<App> apps = Vector.of(App.selfOnly("a", 0x3001), App.selfOnly("b", 0x3002), App.selfOnly("c", 0x3003),
                App.selfOnly("d", 0x3004));
        Configuration configuration = new Configuration(2 * (96 + Configuration.HEADER_SIZE) + 50, 96,
                Configuration.defaultTransferLimit(profile), AddressWidth.BITS_32, apps, profile);
        return named(profile, "exhaustion", configuration);
    }

    /** The default board with a 64-bit kernel: offsets are {@code arg1 | arg2 << 32}. */
    public static NamedConfiguration wide(Profile profile) {
        return named(profile, "64bit", Configuration.defaults(profile).withAddressWidth(AddressWidth.BITS_64));
    }

    private static NamedConfiguration named(Profile profile, String shape, Configuration configuration) {
        return new NamedConfiguration(profile.name().toLowerCase(java.util.Locale.ROOT) + "-" + shape, configuration);
    }

    private static App fixed(String name, long id, boolean write, boolean self, Vector<Long> read, Vector<Long> modify) {
        return new App(name, Option.some(ShortId.of(id)), new StoragePermissions.FixedSize(ShortId.of(id), write, self,
                read.map(ShortId::of), modify.map(ShortId::of)));
    }
}
