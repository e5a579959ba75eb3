package invs.conformance.zoo;

import invs.conformance.reference.BoardMapping;
import invs.conformance.reference.ReferenceSystem;
import invs.impl.board.BoardConfiguration;
import invs.impl.kernel.Permissions;
import invs.impl.kernel.ProcessConfiguration;
import invs.spec.Configuration;
import io.vavr.collection.Vector;

import java.util.function.UnaryOperator;

/**
 * Permission bugs: the reference board built with each process's permissions read wrongly, as a driver
 * with a wrong permission check would read them.
 */
final class PermissionMutants {
    private PermissionMutants() {
    }

    static Vector<Mutant> all() {
        return Vector.of(
                mutant("null-permissions-ignored",
                        "an app without storage permissions is treated as owning its ShortId (the permission check is missing)",
                        permissions -> permissions instanceof Permissions.NullPermissions ? null : permissions),
                mutant("write-flag-ignored",
                        "FixedSize permissions give a write id even when the write permission flag is off",
                        permissions -> permissions instanceof Permissions.FixedSize(int id, boolean write, boolean self,
                                var read, var modify) && !write
                                ? new Permissions.FixedSize(id, true, self, read, modify) : permissions),
                mutant("modify-checked-against-read-list",
                        "a write is allowed by the read list instead of the modify list",
                        permissions -> permissions instanceof Permissions.FixedSize(int id, boolean write, boolean self,
                                var read, var modify)
                                ? new Permissions.FixedSize(id, write, self, read, read) : permissions),
                mutant("read-modify-self-ignored",
                        "the read_modify_self flag is ignored: only listed ids grant access to the app's own region",
                        permissions -> permissions instanceof Permissions.FixedSize(int id, boolean write, boolean self,
                                var read, var modify)
                                ? new Permissions.FixedSize(id, write, false, read, modify) : permissions),
                mutant("kernel-id-zero-refused",
                        "id 0 is taken for 'no id', so an app with the kernel's permissions is refused",
                        permissions -> permissions instanceof Permissions.KernelPermissions
                                ? new Permissions.NullPermissions() : permissions));
    }

    /**
     * A mutant whose board reads each process's permissions through {@code misread}; null stands for
     * "SelfOnly on the process's ShortId".
     */
    private static Mutant mutant(String name, String description, UnaryOperator<Permissions> misread) {
        return new Mutant(name, BugClass.PERMISSIONS, description, configuration -> new ReferenceSystem(
                misread(configuration, misread)));
    }

    private static BoardConfiguration misread(Configuration configuration, UnaryOperator<Permissions> misread) {
        BoardConfiguration board = BoardMapping.of(configuration);
        return board.withApps(board.apps().stream().map(process -> {
            Permissions changed = misread.apply(process.permissions());
            if (changed == null) {
                changed = process.shortId().isPresent() ? new Permissions.SelfOnly(process.shortId().getAsInt())
                        : process.permissions();
            }
            return new ProcessConfiguration(process.shortId(), changed);
        }).toList());
    }
}
