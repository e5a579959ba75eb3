package invs.fuzz.cli;

import invs.spec.App;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * The apps of a board written on the command line, in process-slot order, separated by commas; each is
 * {@code [NAME=]KIND[:ID]}:
 * <ul>
 *   <li>{@code selfonly:ID} — ShortId {@code ID} with SelfOnly permissions on it;</li>
 *   <li>{@code none:ID} — ShortId {@code ID} without storage permissions;</li>
 *   <li>{@code kernel:ID} — ShortId {@code ID} with the kernel's permissions (write id 0);</li>
 *   <li>{@code local} — a process whose id is only locally unique: no ShortId, no permissions.</li>
 * </ul>
 * For example {@code selfonly:0x1001,selfonly:0x1002,none:0x1003}. Unnamed apps are called {@code app0},
 * {@code app1}, … after their slots.
 */
public final class AppsOption {
    private AppsOption() {
    }

    /** The apps {@code text} describes. @throws UserError naming the entry that is wrong */
    public static Vector<App> parse(String text) {
        String[] entries = text.split(",", -1);
        Vector<App> apps = Vector.empty();
        for (int slot = 0; slot < entries.length; slot++) {
            apps = apps.append(app(entries[slot].trim(), slot));
        }
        return apps;
    }

    private static App app(String entry, int slot) {
        String name = "app" + slot;
        String rest = entry;
        int equals = entry.indexOf('=');
        if (equals >= 0) {
            name = entry.substring(0, equals).trim();
            rest = entry.substring(equals + 1).trim();
            if (name.isEmpty()) {
                throw problem(entry, "an empty name before '='");
            }
        }
        String[] parts = rest.split(":", -1);
        String kind = parts[0].trim().toLowerCase(Locale.ROOT);
        if (kind.equals("local")) {
            if (parts.length != 1) {
                throw problem(entry, "'local' takes no id (the process has no ShortId)");
            }
            return new App(name, Option.none(), StoragePermissions.none());
        }
        if (!kind.equals("selfonly") && !kind.equals("none") && !kind.equals("kernel")) {
            throw problem(entry, "unknown kind '" + parts[0] + "' (use selfonly:ID, none:ID, kernel:ID or local)");
        }
        if (parts.length != 2 || parts[1].isBlank()) {
            throw problem(entry, "'" + kind + "' needs an id, as in " + kind + ":0x1001");
        }
        long id;
        try {
            id = NumberConverter.parse(parts[1]);
        } catch (RuntimeException e) {
            throw problem(entry, "'" + parts[1] + "' is not an id (decimal, or hexadecimal with 0x)");
        }
        if (id > 0xFFFF_FFFFL) {
            throw problem(entry, "a ShortId has 32 bits");
        }
        ShortId shortId = ShortId.of(id);
        StoragePermissions permissions = switch (kind) {
            case "selfonly" -> new StoragePermissions.SelfOnly(shortId);
            case "kernel" -> StoragePermissions.kernel();
            default -> StoragePermissions.none();
        };
        return new App(name, Option.some(shortId), permissions);
    }

    private static UserError problem(String entry, String what) {
        return new UserError("--apps: in '" + entry + "': " + what);
    }
}
