package invs.conformance.board;

import invs.spec.AddressWidth;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.SplittableRandom;

/**
 * Draws boards from the configuration space with weight on the edges of every dimension (the reasoning
 * is in docs/conformance.md, "Generated boards"):
 * <ul>
 *   <li>storage lengths around whole numbers of region footprints (a region and its 12-byte header):
 *       exactly {@code k} footprints and one byte less or more, for {@code k} from 0 to one more than the
 *       apps; and tiny lengths below one header;</li>
 *   <li>region sizes across their range: 1, around the header (11–13), around the 512-byte kernel buffer,
 *       around common page sizes (2048, 4096), and the 24-bit maximum (on a storage too small for it);</li>
 *   <li>one app up to eight, with every permission kind: SelfOnly, none (with or without a ShortId), the
 *       kernel's, and FixedSize in every list shape (empty, its own id, other apps' ids, full lists of
 *       eight, with and without the write and read-modify-self flags);</li>
 *   <li>both address widths, and transfer limits of none, 1, around 512 and around the region size.</li>
 * </ul>
 * The profile is the campaign's: a campaign checks one reading of the document. Boards stay small enough
 * to simulate (storage at most a few hundred KiB).
 */
public final class BoardGenerator {
    /** The name prefix of generated boards. */
    public static final String PREFIX = "generated-";
    private static final int[] REGION_SIZES = {1, 2, 11, 12, 13, 64, 96, 255, 256, 511, 512, 513, 1024, 2047, 2048,
            2049, 4095, 4096, 4097, 8192};
    private static final long MAX_STORAGE = 512 * 1024;

    private final Profile profile;

    /** A generator of boards read under {@code profile}. */
    public BoardGenerator(Profile profile) {
        this.profile = profile;
    }

    /** The board drawn from {@code seed}, named after it. */
    public NamedConfiguration draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xB0A2_D5EEDL);
        int apps = appCount(random);
        int regionSize = regionSize(random);
        Vector<App> board = apps(random, apps);
        long storage = regionSize == Configuration.MAX_REGION_SIZE ? random.nextInt(4 * 1024)
                : storageLength(random, regionSize, apps);
        AddressWidth width = random.nextInt(3) == 0 ? AddressWidth.BITS_64 : AddressWidth.BITS_32;
        Option<Integer> limit = transferLimit(random, regionSize);
        Configuration configuration = new Configuration(storage, regionSize, limit, width, board, profile);
        return new NamedConfiguration(String.format("%s%016x", PREFIX, seed), configuration);
    }

    private static int appCount(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> 1;
            case 1 -> 8;
            default -> 2 + random.nextInt(4);
        };
    }

    private static int regionSize(SplittableRandom random) {
        if (random.nextInt(25) == 0) {
            return Configuration.MAX_REGION_SIZE;
        }
        if (random.nextInt(5) == 0) {
            return 1 + random.nextInt(4096);
        }
        return REGION_SIZES[random.nextInt(REGION_SIZES.length)];
    }

    private static long storageLength(SplittableRandom random, int regionSize, int apps) {
        long footprint = regionSize + (long) Configuration.HEADER_SIZE;
        long length = switch (random.nextInt(8)) {
            case 0 -> random.nextInt(Configuration.HEADER_SIZE + 2);
            case 1 -> random.nextLong(footprint * (apps + 1) + 1);
            default -> {
                long regions = random.nextInt(apps + 2);
                yield Math.max(0, regions * footprint + random.nextInt(3) - 1);
            }
        };
        return Math.min(length, MAX_STORAGE);
    }

    private static Option<Integer> transferLimit(SplittableRandom random, int regionSize) {
        return switch (random.nextInt(8)) {
            case 0 -> Option.some(1);
            case 1 -> Option.some(Configuration.TOCK_KERNEL_BUFFER - 1 + random.nextInt(3));
            case 2 -> Option.some(Math.max(1, regionSize - 1 + random.nextInt(3)));
            case 3 -> Option.some(1 + random.nextInt(64));
            default -> Option.none();
        };
    }

    private static Vector<App> apps(SplittableRandom random, int count) {
        Vector<ShortId> ids = Vector.range(0, count).map(slot -> ShortId.of(0x4001L + slot));
        Vector<App> apps = Vector.empty();
        boolean kernelTaken = false;
        for (int slot = 0; slot < count; slot++) {
            ShortId id = ids.get(slot);
            String name = "app" + slot;
            int kind = random.nextInt(10);
            if (kind == 0 && !kernelTaken) {
                kernelTaken = true;
                apps = apps.append(new App(name, Option.some(id), StoragePermissions.kernel()));
            } else if (kind == 1) {
                apps = apps.append(new App(name, random.nextBoolean() ? Option.none() : Option.some(id),
                        StoragePermissions.none()));
            } else if (kind < 5) {
                apps = apps.append(new App(name, Option.some(id), fixedSize(random, id, ids)));
            } else {
                apps = apps.append(new App(name, Option.some(id), StoragePermissions.selfOnly(id.unsigned())));
            }
        }
        return apps;
    }

    private static StoragePermissions fixedSize(SplittableRandom random, ShortId own, Vector<ShortId> all) {
        boolean write = random.nextInt(5) != 0;
        boolean self = random.nextBoolean();
        return new StoragePermissions.FixedSize(own, write, self, idList(random, own, all), idList(random, own, all));
    }

    /** An id list: empty, its own id, other apps' ids, or a full list of eight (own, others and strangers). */
    private static Vector<ShortId> idList(SplittableRandom random, ShortId own, Vector<ShortId> all) {
        return switch (random.nextInt(5)) {
            case 0 -> Vector.of(own);
            case 1 -> all.filter(id -> !id.equals(own)).take(1 + random.nextInt(StoragePermissions.FixedSize.MAX_IDS));
            case 2 -> all.prepend(ShortId.of(0)).appendAll(Vector.range(0, 8).map(i -> ShortId.of(0x7000L + i)))
                    .distinct().take(StoragePermissions.FixedSize.MAX_IDS);
            default -> Vector.empty();
        };
    }
}
