package invs.spec;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * An app's storage permissions, as Tock's kernel defines them ({@code kernel/src/storage_permissions.rs}).
 * The driver uses only three questions: which id the app writes as (its region's owner), and whether it
 * may read or modify storage owned by a given id.
 */
public sealed interface StoragePermissions {

    /** The id this app writes storage as, which also owns its region; none means no storage access. */
    Option<ShortId> writeId();

    /** Whether this app may read storage owned by {@code owner}. */
    boolean mayRead(ShortId owner);

    /** Whether this app may modify storage owned by {@code owner}. */
    boolean mayModify(ShortId owner);

    /**
     * The app may read and modify its own storage, written as {@code id}.
     *
     * @param id the app's own ShortId
     */
    record SelfOnly(ShortId id) implements StoragePermissions {
        @Override
        public Option<ShortId> writeId() {
            return Option.some(id);
        }

        @Override
        public boolean mayRead(ShortId owner) {
            return owner.equals(id);
        }

        @Override
        public boolean mayModify(ShortId owner) {
            return owner.equals(id);
        }
    }

    /**
     * Listed permissions of fixed capacity: a write flag, a flag for reading and modifying the app's own
     * storage, and up to {@value #MAX_IDS} ids each that the app may read and modify.
     *
     * @param appId           the app's own ShortId
     * @param writePermission whether the app may write (and so has a write id)
     * @param readModifySelf  whether the app may read and modify storage owned by {@code appId}
     * @param readIds         other owners the app may read (id 0 never matches)
     * @param modifyIds       other owners the app may modify (id 0 never matches)
     */
    record FixedSize(ShortId appId, boolean writePermission, boolean readModifySelf,
                     Vector<ShortId> readIds, Vector<ShortId> modifyIds) implements StoragePermissions {
        /** Most ids in each list. */
        public static final int MAX_IDS = 8;

        /** Checks the list sizes. */
        public FixedSize {
            if (readIds.size() > MAX_IDS || modifyIds.size() > MAX_IDS) {
                throw new IllegalArgumentException("FixedSize permissions hold at most " + MAX_IDS + " ids per list");
            }
        }

        @Override
        public Option<ShortId> writeId() {
            return writePermission ? Option.some(appId) : Option.none();
        }

        @Override
        public boolean mayRead(ShortId owner) {
            return (readModifySelf && owner.equals(appId)) || (owner.value() != 0 && readIds.contains(owner));
        }

        @Override
        public boolean mayModify(ShortId owner) {
            return (readModifySelf && owner.equals(appId)) || (owner.value() != 0 && modifyIds.contains(owner));
        }
    }

    /** No storage access at all (for example an app whose ShortId is only locally unique). */
    record NullPermissions() implements StoragePermissions {
        @Override
        public Option<ShortId> writeId() {
            return Option.none();
        }

        @Override
        public boolean mayRead(ShortId owner) {
            return false;
        }

        @Override
        public boolean mayModify(ShortId owner) {
            return false;
        }
    }

    /** The kernel's permissions: Tock gives them write id 0 and access to id 0 only. */
    record KernelPermissions() implements StoragePermissions {
        private static final ShortId KERNEL = new ShortId(0);

        @Override
        public Option<ShortId> writeId() {
            return Option.some(KERNEL);
        }

        @Override
        public boolean mayRead(ShortId owner) {
            return owner.equals(KERNEL);
        }

        @Override
        public boolean mayModify(ShortId owner) {
            return owner.equals(KERNEL);
        }
    }

    /** {@link SelfOnly} permissions for {@code id}. */
    static StoragePermissions selfOnly(long id) {
        return new SelfOnly(ShortId.of(id));
    }

    /** {@link NullPermissions}. */
    static StoragePermissions none() {
        return new NullPermissions();
    }

    /** {@link KernelPermissions}. */
    static StoragePermissions kernel() {
        return new KernelPermissions();
    }
}
