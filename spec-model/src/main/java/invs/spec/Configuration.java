package invs.spec;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A board as the driver document sees it: the storage area, the size of each region, how many bytes one
 * command may transfer, the address width, the apps in process-slot order, and the profile.
 *
 * @param storageLength  bytes in the storage area that holds the regions and their headers
 * @param regionSize     usable bytes of a newly allocated region
 * @param transferLimit  most bytes one read or write moves (the rest is not moved and the upcall reports
 *                       the count); none moves the whole buffer
 * @param addressWidth   the kernel's address width
 * @param apps           the apps, in process-slot order
 * @param profile        which reading of the document applies where it leaves room
 */
public record Configuration(long storageLength, int regionSize, Option<Integer> transferLimit,
                            AddressWidth addressWidth, Vector<App> apps, Profile profile) {

    /** Bytes of the on-flash header in front of every region. */
    public static final int HEADER_SIZE = 12;
    /** The largest region length a header can describe (24 bits). */
    public static final int MAX_REGION_SIZE = (1 << 24) - 1;
    /** The real capsule's kernel buffer, which bounds one transfer in the {@code tock} profile. */
    public static final int TOCK_KERNEL_BUFFER = 512;

    /** Checks the fields. */
    public Configuration {
        if (regionSize <= 0 || regionSize > MAX_REGION_SIZE) {
            throw new IllegalArgumentException("region size must be 1.." + MAX_REGION_SIZE + ", got " + regionSize);
        }
        if (storageLength < 0 || storageLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("storage length must be 0..2^32-1, got " + storageLength);
        }
        if (transferLimit.exists(limit -> limit <= 0)) {
            throw new IllegalArgumentException("a transfer limit must be positive");
        }
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one app");
        }
        Vector<ShortId> ids = apps.flatMap(App::shortId);
        if (ids.distinct().size() != ids.size()) {
            throw new IllegalArgumentException("two apps share a ShortId: Tock runs at most one process per ShortId");
        }
        Vector<ShortId> owners = apps.flatMap(app -> app.permissions().writeId());
        if (owners.distinct().size() != owners.size()) {
            throw new IllegalArgumentException("two apps share a write id, so they would share a region");
        }
    }

    /**
     * The default board: 8 KiB of storage with 2 KiB regions (room for three regions and their
     * headers), a 32-bit kernel, two apps with SelfOnly permissions and one without permissions, and
     * the given profile's transfer limit.
     */
    public static Configuration defaults(Profile profile) {
        return new Configuration(8192, 2048, defaultTransferLimit(profile), AddressWidth.BITS_32,
                Vector.of(App.selfOnly("alpha", 0x1001), App.selfOnly("beta", 0x1002),
                        App.withoutPermissions("gamma", 0x1003)),
                profile);
    }

    /** The transfer limit a profile uses unless told otherwise: none for doc, 512 for tock. */
    public static Option<Integer> defaultTransferLimit(Profile profile) {
        return profile == Profile.TOCK ? Option.some(TOCK_KERNEL_BUFFER) : Option.none();
    }

    /** This configuration with another storage length. */
    public Configuration withStorageLength(long length) {
        return new Configuration(length, regionSize, transferLimit, addressWidth, apps, profile);
    }

    /** This configuration with another region size. */
    public Configuration withRegionSize(int size) {
        return new Configuration(storageLength, size, transferLimit, addressWidth, apps, profile);
    }

    /** This configuration with another transfer limit. */
    public Configuration withTransferLimit(Option<Integer> limit) {
        return new Configuration(storageLength, regionSize, limit, addressWidth, apps, profile);
    }

    /** This configuration with another address width. */
    public Configuration withAddressWidth(AddressWidth width) {
        return new Configuration(storageLength, regionSize, transferLimit, width, apps, profile);
    }

    /** This configuration with other apps. */
    public Configuration withApps(Vector<App> others) {
        return new Configuration(storageLength, regionSize, transferLimit, addressWidth, others, profile);
    }

    /** This configuration with another profile (the transfer limit is kept). */
    public Configuration withProfile(Profile other) {
        return new Configuration(storageLength, regionSize, transferLimit, addressWidth, apps, other);
    }

    /** The app in slot {@code app}. */
    public App app(AppId app) {
        return apps.get(app.slot());
    }

    /** The ids of all apps, in process-slot order. */
    public Vector<AppId> appIds() {
        return Vector.range(0, apps.size()).map(AppId::new);
    }

    /** Bytes one region takes on flash, header included. */
    public long regionFootprint() {
        return (long) regionSize + HEADER_SIZE;
    }

    /** How many regions fit in the storage area. */
    public long regionCapacity() {
        return storageLength / regionFootprint();
    }
}
