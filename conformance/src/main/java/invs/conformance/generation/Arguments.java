package invs.conformance.generation;

import invs.spec.AllowReadOnly;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.DriverNumbers;
import invs.spec.Reboot;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The arguments generation picks, weighted toward the edges: buffer lengths around 0, the region size and
 * the 512-byte kernel buffer; offsets at and around the end of the region and near 2^32; write data of
 * a few recognisable shapes; torn byte counts.
 */
final class Arguments {
    private static final long TWO_32 = 1L << 32;

    private final SplittableRandom random;
    private final int size;

    Arguments(SplittableRandom random, int size) {
        this.random = random;
        this.size = size;
    }

    /** A buffer length: small, about the region size, anywhere, 512 ± 0, 0, or up to twice the size. */
    int length() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return 1 + random.nextInt(16);
        }
        if (kind < 55) {
            return Math.max(0, size - 1 + random.nextInt(3));
        }
        if (kind < 75) {
            return 1 + random.nextInt(size);
        }
        if (kind < 85) {
            return 512 + random.nextInt(2);
        }
        if (kind < 92) {
            return 0;
        }
        return 1 + random.nextInt(2 * size + 2);
    }

    /** A short length that fits the region, at most {@code most}. */
    int shortLength(int most) {
        return 1 + random.nextInt(Math.min(size, most));
    }

    /** An offset for an access of {@code length} bytes: 0, fitting, at the end and around it, near 2^32, anywhere. */
    long offset(int length) {
        long fit = Math.max(0, size - length);
        return switch (random.nextInt(14)) {
            case 0, 1 -> 0;
            case 2, 3 -> random.nextLong(fit + 1);
            case 4 -> fit;
            case 5 -> Math.max(0, fit - 1);
            case 6 -> fit + 1;
            case 7 -> size - 1;
            case 8 -> size;
            case 9 -> size + 1;
            case 10 -> TWO_32 - 1 - random.nextInt(length + 1);
            case 11 -> TWO_32;
            case 12 -> TWO_32 + random.nextLong(fit + 1);
            default -> random.nextLong() & 0x0000_FFFF_FFFF_FFFFL;
        };
    }

    /** An offset at which {@code length} bytes fit. */
    int fittingOffset(int length) {
        return random.nextInt(Math.max(1, size - length + 1));
    }

    /**
     * A read or write (command {@code number}) of {@code length} bytes whose offset has a nonzero high word
     * (1, all ones or random; one time in four none) and a low word that is 0, fits, ends near 2^32, or is random.
     */
    Command highWordAccess(AppId app, int number, int length) {
        long low = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> fittingOffset(length);
            case 2 -> 0xFFFF_FFFFL - random.nextInt(length + 1);
            default -> random.nextLong() & 0xFFFF_FFFFL;
        };
        long high = switch (random.nextInt(3)) {
            case 0 -> 1;
            case 1 -> 0xFFFF_FFFFL;
            default -> random.nextLong() & 0xFFFF_FFFFL;
        };
        return new Command(app, number, low, random.nextInt(4) == 0 ? 0 : high);
    }

    /** A read-only allow of {@code length} bytes: one repeated byte, a count, or random; rarely allow number 1. */
    AllowReadOnly allowReadOnly(AppId app, int length) {
        byte[] data = new byte[length];
        switch (random.nextInt(6)) {
            case 0 -> Arrays.fill(data, (byte) (1 + random.nextInt(254)));
            case 1 -> {
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) i;
                }
            }
            default -> random.nextBytes(data);
        }
        return new AllowReadOnly(app, random.nextInt(40) == 0 ? DriverNumbers.BUFFER + 1 : DriverNumbers.BUFFER,
                Bytes.of(data));
    }

    /** A size, read or write of {@code app} somewhere in its region. */
    Command operation(AppId app) {
        return switch (random.nextInt(3)) {
            case 0 -> Command.size(app);
            case 1 -> Command.read(app, random.nextInt(size));
            default -> Command.write(app, random.nextInt(size));
        };
    }

    /** A reboot, torn after a few bytes or a few hundred when {@code torn}. */
    Reboot reboot(boolean torn) {
        int bytes = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(16);
            default -> 1 + random.nextInt(600);
        };
        return new Reboot(torn ? bytes : 0);
    }

    /** A command number the driver does not define: 4 to 11, or any 32-bit value. */
    int unknownCommandNumber() {
        return random.nextInt(2) == 0 ? 4 + random.nextInt(8) : (int) (0xFFFF_FFFFL & random.nextLong());
    }
}
