package invs.conformance.reference;

import invs.conformance.board.MadeLately;
import invs.impl.board.BoardConfiguration;
import invs.impl.kernel.Permissions;
import invs.impl.kernel.ProcessConfiguration;
import invs.spec.AddressWidth;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.control.Option;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a specification {@link Configuration} becomes the reference implementation's
 * {@link BoardConfiguration}: the doc profile is a board that is not Tock-compatible and moves whole
 * buffers (its kernel buffer is only a chunk size); the tock profile is a Tock-compatible board whose
 * kernel buffer is the transfer limit.
 */
public final class BoardMapping {
    /** The flash page size of the boards the engine builds: small, so that regions straddle pages. */
    public static final int PAGE_SIZE = 512;
    /**
     * How many bytes of heap the reference wants per byte of storage: the flash, copies of it for crash
     * checks and durability, one board per thread.
     */
    public static final int MEMORY_PER_STORAGE_BYTE = 16;
    /** The driver's chunk size in the doc profile. */
    public static final int DOC_CHUNK = 512;
    /** How many configurations' boards {@link #of} keeps. */
    static final int KEPT = 16;

    /**
     * The boards of the configurations mapped lately: a campaign builds a board for every try on a few
     * configurations, and a board configuration is an immutable value of its configuration.
     */
    private static final MadeLately<BoardConfiguration> MAPPED = new MadeLately<>(KEPT, BoardMapping::map);

    private BoardMapping() {
    }

    /** Why the reference implementation cannot run {@code configuration}, or none when it can. */
    public static Option<String> unsupported(Configuration configuration) {
        if (configuration.storageLength() > Integer.MAX_VALUE) {
            return Option.some("the reference board holds at most 2^31-1 bytes of storage, not "
                    + configuration.storageLength());
        }
        long memory = Runtime.getRuntime().maxMemory();
        if (configuration.storageLength() > memory / MEMORY_PER_STORAGE_BYTE) {
            return Option.some("the reference board keeps its flash in memory: " + configuration.storageLength()
                    + " bytes of storage need more than this JVM's " + (memory >> 20) + " MiB heap allows (at most "
                    + memory / MEMORY_PER_STORAGE_BYTE + " bytes; give Java more memory with -Xmx)");
        }
        if (configuration.profile() == Profile.DOC && configuration.transferLimit().isDefined()) {
            return Option.some("the reference board moves whole buffers in the doc profile: no transfer limit");
        }
        if (configuration.apps().exists(app -> hasZeroId(app.permissions()))) {
            return Option.some("the reference board's SelfOnly and FixedSize permissions need a nonzero id");
        }
        return Option.none();
    }

    /**
     * The board for {@code configuration}, with {@link #PAGE_SIZE}-byte flash pages: the same object for
     * an equal configuration mapped lately.
     */
    public static BoardConfiguration of(Configuration configuration) {
        return MAPPED.of(configuration);
    }

    private static BoardConfiguration map(Configuration configuration) {
        Option<String> reason = unsupported(configuration);
        if (reason.isDefined()) {
            throw new IllegalArgumentException(reason.get());
        }
        boolean tock = configuration.profile() == Profile.TOCK;
        // A transfer never moves more than a region, so a larger limit needs no larger buffer (and a limit of
        // 2^31-1 bytes, which protocol.md allows, would ask for one Java cannot make).
        int kernelBuffer = tock
                ? Math.min(configuration.transferLimit().getOrElse(configuration.regionSize()), configuration.regionSize())
                : DOC_CHUNK;
        int width = configuration.addressWidth() == AddressWidth.BITS_64 ? 64 : 32;
        List<ProcessConfiguration> apps = configuration.apps().map(BoardMapping::process).toJavaList();
        return new BoardConfiguration((int) configuration.storageLength(), configuration.regionSize(), PAGE_SIZE,
                kernelBuffer, width, tock, apps, Optional.empty());
    }

    /** The process of {@code app}. */
    public static ProcessConfiguration process(App app) {
        OptionalInt shortId = app.shortId().map(id -> OptionalInt.of(id.value())).getOrElse(OptionalInt.empty());
        return new ProcessConfiguration(shortId, permissions(app.permissions()));
    }

    /** The implementation's permissions for the specification's. */
    public static Permissions permissions(StoragePermissions permissions) {
        return switch (permissions) {
            case StoragePermissions.SelfOnly(ShortId id) -> new Permissions.SelfOnly(id.value());
            case StoragePermissions.FixedSize fixed -> new Permissions.FixedSize(fixed.appId().value(),
                    fixed.writePermission(), fixed.readModifySelf(),
                    fixed.readIds().map(ShortId::value).toJavaList(),
                    fixed.modifyIds().map(ShortId::value).toJavaList());
            case StoragePermissions.NullPermissions none -> new Permissions.NullPermissions();
            case StoragePermissions.KernelPermissions kernel -> new Permissions.KernelPermissions();
        };
    }

    private static boolean hasZeroId(StoragePermissions permissions) {
        return switch (permissions) {
            case StoragePermissions.SelfOnly(ShortId id) -> id.value() == 0;
            case StoragePermissions.FixedSize fixed -> fixed.appId().value() == 0;
            case StoragePermissions.NullPermissions none -> false;
            case StoragePermissions.KernelPermissions kernel -> false;
        };
    }
}
