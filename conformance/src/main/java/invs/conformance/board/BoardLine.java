package invs.conformance.board;

import invs.spec.AddressWidth;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.StoragePermissions;

/**
 * A board in one line, for a counterexample: the figures a reader needs to follow it (a NOMEM needs the
 * storage and the region size; shrinking may have cut the storage or removed apps, and a generated board
 * has only a name), for example {@code storage 108 bytes, regions of 96 bytes and a 12-byte header (room for
 * 1), 32-bit, no transfer limit; apps app0 = alpha (self-only), app1 (fixed-size)}.
 */
public final class BoardLine {
    private BoardLine() {
    }

    /** {@code board} in one line. */
    public static String of(Configuration board) {
        return String.format("storage %d byte%s, regions of %d byte%s and a %d-byte header (room for %d), %s, %s; apps %s",
                board.storageLength(), board.storageLength() == 1 ? "" : "s", board.regionSize(),
                board.regionSize() == 1 ? "" : "s", Configuration.HEADER_SIZE, board.regionCapacity(),
                board.addressWidth() == AddressWidth.BITS_64 ? "64-bit" : "32-bit",
                board.transferLimit().map(limit -> "transfers of at most " + limit + (limit == 1 ? " byte" : " bytes")).getOrElse("no transfer limit"),
                board.apps().zipWithIndex().map(app -> app(app._1, app._2)).mkString(", "));
    }

    /**
     * The app in {@code slot}: named as the inputs name it ({@code app0}), then, when it differs, as the board
     * names it (a standard board's {@code alpha}, or {@code app2} on a board whose first apps shrinking removed).
     */
    private static String app(App app, int slot) {
        String permissions = switch (app.permissions()) {
            case StoragePermissions.SelfOnly self -> "self-only";
            case StoragePermissions.FixedSize fixed -> "fixed-size";
            case StoragePermissions.NullPermissions none -> "no permissions";
            case StoragePermissions.KernelPermissions kernel -> "kernel";
        };
        String label = "app" + slot;
        return (app.name().equals(label) ? label : label + " = " + app.name()) + " (" + permissions + ")";
    }
}
