package invs.impl.kernel;

import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.lang3.Validate;

/**
 * A process's storage permissions, exactly as Tock's {@code kernel/src/storage_permissions.rs}: which id
 * it writes under (the owner of its region) and which stored ids it may read and modify.
 */
public sealed interface Permissions {

    /** Most ids in a {@link FixedSize} read or modify list. */
    int MAX_LISTED_IDS = 8;

    /**
     * May read and modify only its own id, and writes under it.
     *
     * @param id the id, not 0
     */
    record SelfOnly(int id) implements Permissions {
        /** Validates the id. */
        public SelfOnly {
            Validate.isTrue(id != 0, "SelfOnly needs a nonzero id");
        }
    }

    /**
     * A fixed list of permissions.
     *
     * @param appId           the app's own id, not 0
     * @param writePermission whether the app writes under {@code appId}
     * @param readModifySelf  whether it may read and modify {@code appId}
     * @param readIds         other ids it may read (at most 8)
     * @param modifyIds       other ids it may modify (at most 8)
     */
    record FixedSize(int appId, boolean writePermission, boolean readModifySelf, List<Integer> readIds,
                     List<Integer> modifyIds) implements Permissions {
        /** Validates and copies the lists. */
        public FixedSize {
            Validate.isTrue(appId != 0, "FixedSize needs a nonzero app id");
            readIds = List.copyOf(readIds);
            modifyIds = List.copyOf(modifyIds);
            Validate.isTrue(readIds.size() <= MAX_LISTED_IDS, "at most %d read ids", MAX_LISTED_IDS);
            Validate.isTrue(modifyIds.size() <= MAX_LISTED_IDS, "at most %d modify ids", MAX_LISTED_IDS);
        }
    }

    /** No storage permissions at all. */
    record NullPermissions() implements Permissions {}

    /** The kernel's own permissions: writes under id 0, reads and modifies only id 0. */
    record KernelPermissions() implements Permissions {}

    /** {@link SelfOnly} for {@code id}. */
    static Permissions selfOnly(int id) {
        return new SelfOnly(id);
    }

    /** {@link NullPermissions}. */
    static Permissions none() {
        return new NullPermissions();
    }

    /** {@link KernelPermissions}. */
    static Permissions kernel() {
        return new KernelPermissions();
    }

    /** The id the process writes under (its region's owner), if it has one. */
    default OptionalInt writeId() {
        return switch (this) {
            case SelfOnly(int id) -> OptionalInt.of(id);
            case FixedSize f -> f.writePermission() ? OptionalInt.of(f.appId()) : OptionalInt.empty();
            case KernelPermissions k -> OptionalInt.of(0);
            case NullPermissions n -> OptionalInt.empty();
        };
    }

    /** Whether the process may read data stored under {@code storedId}. */
    default boolean mayRead(int storedId) {
        return switch (this) {
            case SelfOnly(int id) -> storedId == id;
            case FixedSize f -> (storedId == f.appId() && f.readModifySelf())
                    || (storedId != 0 && f.readIds().contains(storedId));
            case KernelPermissions k -> storedId == 0;
            case NullPermissions n -> false;
        };
    }

    /** Whether the process may modify data stored under {@code storedId}. */
    default boolean mayModify(int storedId) {
        return switch (this) {
            case SelfOnly(int id) -> storedId == id;
            case FixedSize f -> (storedId == f.appId() && f.readModifySelf())
                    || (storedId != 0 && f.modifyIds().contains(storedId));
            case KernelPermissions k -> storedId == 0;
            case NullPermissions n -> false;
        };
    }
}
