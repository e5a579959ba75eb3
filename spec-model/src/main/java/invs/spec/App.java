package invs.spec;

import io.vavr.control.Option;

/**
 * A process as the driver sees it: a name for reports, its ShortId if it has a globally unique one, and
 * its storage permissions.
 *
 * @param name        a name for reports: not blank, and without control characters (reports print it as it is)
 * @param shortId     the process's fixed ShortId, or none when it is only locally unique
 * @param permissions the process's storage permissions
 */
public record App(String name, Option<ShortId> shortId, StoragePermissions permissions) {
    /** Checks the fields. */
    public App {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an app needs a name");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an app's name has no control characters, got "
                    + name.chars().filter(Character::isISOControl).mapToObj(c -> String.format("U+%04X", c)).findFirst().get()
                    + " in it");
        }
        if (shortId == null || permissions == null) {
            throw new IllegalArgumentException("an app needs a ShortId option and permissions");
        }
    }

    /** An app with ShortId {@code id} and {@link StoragePermissions.SelfOnly} permissions on it. */
    public static App selfOnly(String name, long id) {
        return new App(name, Option.some(ShortId.of(id)), StoragePermissions.selfOnly(id));
    }

    /** An app with a ShortId {@code id} but no storage permissions. */
    public static App withoutPermissions(String name, long id) {
        return new App(name, Option.some(ShortId.of(id)), StoragePermissions.none());
    }
}
