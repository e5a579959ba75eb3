package invs.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.spec.AddressWidth;
import invs.spec.App;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The JSON encoding of a {@link Configuration}:
 * <pre>
 * {"storageLength":8192,"regionSize":2048,"transferLimit":null,"addressWidth":32,"profile":"doc",
 *  "apps":[{"name":"alpha","shortId":"0x00001001","permissions":{"kind":"self-only","id":"0x00001001"}}, …]}
 * </pre>
 * Permissions are {@code self-only} (id), {@code fixed-size} (appId, write, readModifySelf, readIds,
 * modifyIds), {@code null} or {@code kernel}. ShortIds are written as {@code 0x}-hexadecimal strings and
 * read as such or as JSON numbers. Shared by trace files, the command line and the out-of-process protocol.
 */
public final class ConfigurationCodec {
    private static final long U32 = 0xFFFF_FFFFL;

    private ConfigurationCodec() {
    }

    /** The JSON object of {@code configuration}. */
    public static ObjectNode encode(Configuration configuration) {
        ObjectNode node = Json.object();
        node.put("storageLength", configuration.storageLength());
        node.put("regionSize", configuration.regionSize());
        if (configuration.transferLimit().isDefined()) {
            node.put("transferLimit", configuration.transferLimit().get());
        } else {
            node.putNull("transferLimit");
        }
        node.put("addressWidth", configuration.addressWidth() == AddressWidth.BITS_64 ? 64 : 32);
        node.put("profile", configuration.profile().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode apps = node.putArray("apps");
        for (App app : configuration.apps()) {
            ObjectNode entry = apps.addObject().put("name", app.name());
            if (app.shortId().isDefined()) {
                entry.put("shortId", Json.hex32(app.shortId().get().unsigned()));
            } else {
                entry.putNull("shortId");
            }
            entry.set("permissions", encode(app.permissions()));
        }
        return node;
    }

    /** The JSON object of {@code permissions}. */
    public static ObjectNode encode(StoragePermissions permissions) {
        ObjectNode node = Json.object();
        switch (permissions) {
            case StoragePermissions.SelfOnly(ShortId id) -> node.put("kind", "self-only").put("id", Json.hex32(id.unsigned()));
            case StoragePermissions.FixedSize fixed -> {
                node.put("kind", "fixed-size").put("appId", Json.hex32(fixed.appId().unsigned()))
                        .put("write", fixed.writePermission()).put("readModifySelf", fixed.readModifySelf());
                ArrayNode read = node.putArray("readIds");
                fixed.readIds().forEach(id -> read.add(Json.hex32(id.unsigned())));
                ArrayNode modify = node.putArray("modifyIds");
                fixed.modifyIds().forEach(id -> modify.add(Json.hex32(id.unsigned())));
            }
            case StoragePermissions.NullPermissions none -> node.put("kind", "null");
            case StoragePermissions.KernelPermissions kernel -> node.put("kind", "kernel");
        }
        return node;
    }

    /** The configuration {@code node} encodes. @throws TraceFormatException naming the field that is wrong */
    public static Configuration decode(JsonNode node) {
        long storage = Json.number(node, "storageLength", 0, U32, "a length of 0 to 2^32-1");
        int regionSize = Json.integer(node, "regionSize", 1, Configuration.MAX_REGION_SIZE,
                "a region size of 1 to " + Configuration.MAX_REGION_SIZE);
        Option<Integer> limit = Json.has(node, "transferLimit")
                ? Option.some(Json.integer(node, "transferLimit", 1, Integer.MAX_VALUE, "a positive limit or null"))
                : Option.none();
        int width = Json.integer(node, "addressWidth", 32, 64, "32 or 64");
        if (width != 32 && width != 64) {
            throw new TraceFormatException("addressWidth", "expected 32 or 64, got " + width);
        }
        String profileName = Json.text(node, "profile");
        Profile profile = switch (profileName) {
            case "doc" -> Profile.DOC;
            case "tock" -> Profile.TOCK;
            default -> throw new TraceFormatException("profile", "expected \"doc\" or \"tock\", got " + Utf8Text.quoted(profileName));
        };
        Vector<JsonNode> entries = Json.array(node, "apps");
        Vector<App> apps = Vector.range(0, entries.size())
                .map(index -> Json.inside("apps[" + index + "]", () -> app(entries.get(index))));
        try {
            return new Configuration(storage, regionSize, limit,
                    width == 64 ? AddressWidth.BITS_64 : AddressWidth.BITS_32, apps, profile);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException("", "not a valid configuration: " + e.getMessage());
        }
    }

    private static App app(JsonNode node) {
        String name = Json.text(node, "name");
        Option<ShortId> shortId = Json.has(node, "shortId") ? Option.some(id(node, "shortId")) : checkedNone(node);
        JsonNode permissionsNode = Json.field(node, "permissions");
        StoragePermissions permissions = Json.inside("permissions", () -> permissions(permissionsNode));
        try {
            return new App(name, shortId, permissions);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException("", e.getMessage());
        }
    }

    /** The permissions {@code node} encodes. */
    public static StoragePermissions permissions(JsonNode node) {
        String kind = Json.text(node, "kind");
        return switch (kind) {
            case "self-only" -> new StoragePermissions.SelfOnly(id(node, "id"));
            case "fixed-size" -> {
                Vector<ShortId> read = ids(node, "readIds");
                Vector<ShortId> modify = ids(node, "modifyIds");
                try {
                    yield new StoragePermissions.FixedSize(id(node, "appId"), Json.bool(node, "write"),
                            Json.bool(node, "readModifySelf"), read, modify);
                } catch (IllegalArgumentException e) {
                    throw new TraceFormatException("", e.getMessage());
                }
            }
            case "null" -> new StoragePermissions.NullPermissions();
            case "kernel" -> new StoragePermissions.KernelPermissions();
            default -> throw new TraceFormatException("kind",
                    "expected self-only, fixed-size, null or kernel, got " + Utf8Text.quoted(kind));
        };
    }

    private static Vector<ShortId> ids(JsonNode node, String name) {
        Vector<JsonNode> entries = Json.array(node, name);
        return Vector.range(0, entries.size()).map(index ->
                ShortId.of(Json.numberValue(entries.get(index), name + "[" + index + "]", 0, U32, "a 32-bit id")));
    }

    private static ShortId id(JsonNode node, String name) {
        return ShortId.of(Json.number(node, name, 0, U32, "a 32-bit id"));
    }

    private static Option<ShortId> checkedNone(JsonNode node) {
        Json.field(node, "shortId");
        return Option.none();
    }
}
