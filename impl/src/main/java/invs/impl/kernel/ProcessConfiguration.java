package invs.impl.kernel;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A process the board runs: its ShortId (none when its id is only locally unique) and its storage
 * permissions. As in Tock, the driver uses the permissions' write id as the region owner; the ShortId
 * itself is informational (boards normally derive the permissions from it).
 *
 * @param shortId     the fixed 32-bit ShortId, or empty for a locally unique id
 * @param permissions storage permissions
 */
public record ProcessConfiguration(OptionalInt shortId, Permissions permissions) {

    /** Validates. */
    public ProcessConfiguration {
        Objects.requireNonNull(shortId, "shortId");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** A process with ShortId {@code shortId} and the given permissions. */
    public static ProcessConfiguration of(int shortId, Permissions permissions) {
        return new ProcessConfiguration(OptionalInt.of(shortId), permissions);
    }

    /** A process with ShortId {@code id} and {@link Permissions.SelfOnly} permissions on it. */
    public static ProcessConfiguration selfOnly(int id) {
        return of(id, Permissions.selfOnly(id));
    }

    /** A process whose id is only locally unique, with the given permissions. */
    public static ProcessConfiguration withoutShortId(Permissions permissions) {
        return new ProcessConfiguration(OptionalInt.empty(), permissions);
    }
}
