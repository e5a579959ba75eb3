package invs.conformance.zoo;

import invs.conformance.sut.SystemUnderTestFactory;

import invs.conformance.reference.BoardMapping;
import invs.conformance.reference.ReferenceSystem;
import invs.impl.board.BoardConfiguration;
import invs.impl.kernel.Permissions;
import invs.impl.kernel.ProcessConfiguration;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.DriverNumbers;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Bugs that live in the configuration space: each shows only on boards unlike the standard ones (storage
 * that is an exact fit or smaller than one region, region sizes that are not multiples of four or larger
 * than 4096 bytes, more than six apps, full FixedSize lists, transfer limits other than 512). The standard
 * boards alone never kill them; generated boards must.
 */
final class ConfigurationMutants {
    /** The largest region the wrapping mutant handles correctly: offsets are kept in 12 bits. */
    static final int OFFSET_BITS_LIMIT = 4096;
    /** How many process slots the wrapping region table has. */
    static final int TABLE_SLOTS = 6;
    /** How many ids a truncated FixedSize list keeps. */
    static final int LIST_KEPT = 7;

    private ConfigurationMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                board("exact-fit-refused", BugClass.ALLOCATION,
                        "the capacity check uses < instead of <=: a region that would end exactly at the end of the storage "
                                + "area is refused with NOMEM",
                        (configuration, board) -> board.withStorageLength(Math.max(1, board.storageLength() - 1))),
                board("no-room-underflow", BugClass.ALLOCATION,
                        "the free-space check wraps around when the storage area is smaller than one region and its header, "
                                + "so one region is handed out anyway",
                        (configuration, board) -> configuration.storageLength() < configuration.regionFootprint()
                                ? board.withStorageLength((int) configuration.regionFootprint()) : board),
                board("region-size-word-aligned", BugClass.ALLOCATION,
                        "region lengths are rounded up to a multiple of four bytes (word alignment), so regions of other "
                                + "sizes are larger than the board says",
                        (configuration, board) -> board.withRegionSize(Math.min(Configuration.MAX_REGION_SIZE,
                                (configuration.regionSize() + 3) & ~3))),
                board("slot-table-wraps", BugClass.ALLOCATION,
                        "permissions are looked up in a table of six process slots: the apps in slots 6 and 7 get the "
                                + "permissions, and so the regions, of slots 0 and 1",
                        (configuration, board) -> withPermissions(board, (slot, process) -> slot < TABLE_SLOTS ? process
                                : board.apps().get(slot % TABLE_SLOTS).permissions())),
                board("id-list-truncated", BugClass.PERMISSIONS,
                        "FixedSize read and modify lists keep only their first seven ids: an app listed eighth loses its access",
                        (configuration, board) -> withPermissions(board, (slot, process) ->
                                process instanceof Permissions.FixedSize(int id, boolean write, boolean self,
                                        var read, var modify)
                                        ? new Permissions.FixedSize(id, write, self, first(read), first(modify)) : process)),
                Mutant.layered("large-region-offset-wraps", BugClass.BOUNDS,
                        "the offset is kept in 12 bits once checked: in regions larger than 4096 bytes, accesses at offsets "
                                + "of 4096 and more land 4096 bytes lower",
                        OffsetWraps::new),
                board("transfer-limit-hardcoded", BugClass.BOUNDS,
                        "the kernel buffer is always the real capsule's 512 bytes, whatever transfer limit the board has",
                        (configuration, board) -> board.withKernelBufferSize(Configuration.TOCK_KERNEL_BUFFER))
                        .onlyIn(Profile.TOCK));
    }

    /** How a mutant builds its board: the reference's board for the configuration, changed. */
    @FunctionalInterface
    private interface BoardChange {
        BoardConfiguration apply(Configuration configuration, BoardConfiguration board);
    }

    /** How a mutant reads the permissions of the process in a slot. */
    @FunctionalInterface
    private interface PermissionChange {
        Permissions apply(int slot, Permissions permissions);
    }

    private static Mutant board(String name, BugClass bugClass, String description, BoardChange change) {
        return new Mutant(name, bugClass, description,
                configuration -> new ReferenceSystem(change.apply(configuration, BoardMapping.of(configuration))));
    }

    private static BoardConfiguration withPermissions(BoardConfiguration board, PermissionChange change) {
        List<ProcessConfiguration> apps = new ArrayList<>();
        for (int slot = 0; slot < board.apps().size(); slot++) {
            ProcessConfiguration process = board.apps().get(slot);
            apps.add(new ProcessConfiguration(process.shortId(), change.apply(slot, process.permissions())));
        }
        return board.withApps(apps);
    }

    private static List<Integer> first(List<Integer> ids) {
        return ids.subList(0, Math.min(LIST_KEPT, ids.size()));
    }

    /** Reads and writes at offsets of 4096 and more in a larger region go 4096 bytes lower (once range-checked). */
    private static final class OffsetWraps extends ReferenceVariant {
        OffsetWraps(Configuration configuration, SystemUnderTestFactory base) {
            super(configuration, base);
        }

        @Override
        protected Observation answer(Input input) {
            if (configuration.regionSize() > OFFSET_BITS_LIMIT && input instanceof Command command
                    && (command.number() == DriverNumbers.READ || command.number() == DriverNumbers.WRITE)
                    && outstanding(command.app().slot()) == null) {
                long offset = offset(command);
                int length = bufferLength(command);
                if (offset >= OFFSET_BITS_LIMIT && length > 0 && offset + length <= configuration.regionSize()) {
                    return forward(new Command(command.app(), command.number(), offset % OFFSET_BITS_LIMIT, 0));
                }
            }
            return forward(input);
        }
    }
}
