package invs.spec.explore;

import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The small boards exploration runs on: a few apps with different permissions and storage for a few tiny
 * regions, so that allocation runs out and every permission rule is exercised.
 */
public final class SmallBoard {
    /** The apps, in slot order; a board takes the first few. */
    private static final Vector<App> APPS = Vector.of(
            App.selfOnly("self", 1),
            new App("listed", Option.some(ShortId.of(2)), new StoragePermissions.FixedSize(ShortId.of(2), true, false,
                    Vector.of(ShortId.of(2)), Vector.empty())),
            new App("kernel", Option.some(ShortId.of(3)), StoragePermissions.kernel()),
            App.withoutPermissions("none", 4));

    /** Most apps a small board has. */
    public static final int MAX_APPS = APPS.size();

    private SmallBoard() {
    }

    /**
     * A board with the first {@code apps} of: {@code self} (SelfOnly), {@code listed} (FixedSize with a
     * write id, no read_modify_self, its own id in the read list only: it may get its size and read, not
     * write), {@code kernel} (Kernel permissions, write id 0) and {@code none} (no permissions); storage for
     * exactly {@code regions} regions of {@code regionSize} bytes; the profile's transfer limit.
     */
    public static Configuration of(Profile profile, int apps, int regions, int regionSize) {
        if (apps < 1 || apps > MAX_APPS) {
            throw new IllegalArgumentException("a small board has 1 to " + MAX_APPS + " apps");
        }
        return Configuration.defaults(profile).withApps(APPS.take(apps)).withRegionSize(regionSize)
                .withStorageLength((long) regions * (regionSize + Configuration.HEADER_SIZE))
                .withTransferLimit(Configuration.defaultTransferLimit(profile));
    }

    /** The default: three apps (self, listed, kernel), room for two regions of four bytes, doc profile. */
    public static Configuration standard() {
        return of(Profile.DOC, 3, 2, 4);
    }
}
