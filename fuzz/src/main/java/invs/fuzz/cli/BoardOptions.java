package invs.fuzz.cli;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.spec.AddressWidth;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.collection.Vector;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options that describe the board (storage length, region size, apps and permissions, profile, ...):
 * the standard configurations by name, a JSON file, or single fields that modify either.
 */
public final class BoardOptions {
    @Option(names = "--standard", split = ",", paramLabel = "NAME",
            description = "Standard configurations to use (default: all of them): doc-default, doc-permissions,"
                    + " doc-exhaustion, doc-64bit, tock-default, tock-exhaustion.")
    private List<String> standard;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A configuration in JSON: the object trace headers hold under \"configuration\", or a"
                    + " whole trace header (the first line of a trace file).")
    private Path file;

    @Option(names = "--storage", paramLabel = "BYTES", converter = NumberConverter.class,
            description = "Bytes of the storage area that holds the regions and their 12-byte headers.")
    private Long storage;

    @Option(names = "--region-size", paramLabel = "BYTES", converter = NumberConverter.class,
            description = "Usable bytes of each region.")
    private Long regionSize;

    @Option(names = "--transfer-limit", paramLabel = "BYTES|none",
            description = "Most bytes one read or write moves (default: none for doc, 512 for tock).")
    private String transferLimit;

    @Option(names = "--profile", paramLabel = "doc|tock",
            description = "doc: everything the clarified driver document allows; tock: the real capsule's choices.")
    private String profile;

    @Option(names = "--apps", paramLabel = "SPEC",
            description = "The apps in process-slot order, e.g. selfonly:0x1001,selfonly:0x1002,none:0x1003"
                    + " (kinds: selfonly:ID, none:ID, kernel:ID, local; an optional NAME= in front).")
    private String apps;

    @Option(names = "--address-width", paramLabel = "32|64", description = "The kernel's address width.")
    private Integer addressWidth;

    /** Whether any option that changes a configuration's fields was given. */
    public boolean changesFields() {
        return storage != null || regionSize != null || transferLimit != null || profile != null || apps != null
                || addressWidth != null;
    }

    /** Whether {@code --config} or {@code --standard} chose the configurations (rather than field options alone). */
    public boolean replacesBase() {
        return file != null || standard != null;
    }

    /** Whether any board option was given at all. */
    public boolean given() {
        return changesFields() || file != null || standard != null;
    }

    /**
     * The configurations these options describe: the file's, or the standard ones named (by default all),
     * or with only field options the default board of the profile; field options then modify each.
     *
     * @throws UserError for unknown names, bad values or a malformed file
     */
    public Vector<NamedConfiguration> configurations() {
        if (file != null && standard != null) {
            throw new UserError("choose either --config or --standard");
        }
        Vector<NamedConfiguration> bases;
        if (file != null) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            bases = Vector.of(new NamedConfiguration(name.isBlank() ? "custom" : name, ConfigurationFile.read(file)));
        } else if (standard != null) {
            bases = Vector.ofAll(standard).map(String::trim).distinct().map(name -> StandardConfigurations.named(name)
                    .getOrElseThrow(() -> new UserError("--standard: no standard configuration called '" + name
                            + "' (known: " + StandardConfigurations.all().map(NamedConfiguration::name).mkString(", ") + ")")));
        } else if (changesFields()) {
            bases = Vector.of(new NamedConfiguration("custom", Configuration.defaults(profileOr(Profile.DOC))));
        } else {
            return StandardConfigurations.all();
        }
        return bases.map(named -> new NamedConfiguration(named.name(), modified(named.configuration())));
    }

    /** {@code base} with the field options applied. @throws UserError for bad values */
    public Configuration modified(Configuration base) {
        Configuration result = base;
        try {
            if (profile != null) {
                Profile chosen = profileOr(base.profile());
                result = result.withProfile(chosen).withTransferLimit(Configuration.defaultTransferLimit(chosen));
            }
            if (storage != null) {
                result = result.withStorageLength(storage);
            }
            if (regionSize != null) {
                if (regionSize > Configuration.MAX_REGION_SIZE) {
                    throw new UserError("--region-size: at most " + Configuration.MAX_REGION_SIZE + " bytes");
                }
                result = result.withRegionSize(regionSize.intValue());
            }
            if (transferLimit != null) {
                result = result.withTransferLimit(limit());
            }
            if (addressWidth != null) {
                result = result.withAddressWidth(switch (addressWidth) {
                    case 32 -> AddressWidth.BITS_32;
                    case 64 -> AddressWidth.BITS_64;
                    default -> throw new UserError("--address-width: 32 or 64, got " + addressWidth);
                });
            }
            if (apps != null) {
                result = result.withApps(AppsSpec.parse(apps));
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("not a valid configuration: " + e.getMessage());
        }
        return result;
    }

    private Profile profileOr(Profile fallback) {
        if (profile == null) {
            return fallback;
        }
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "doc" -> Profile.DOC;
            case "tock" -> Profile.TOCK;
            default -> throw new UserError("--profile: doc or tock, got '" + profile + "'");
        };
    }

    private io.vavr.control.Option<Integer> limit() {
        if (transferLimit.equalsIgnoreCase("none")) {
            return io.vavr.control.Option.none();
        }
        long value;
        try {
            value = NumberConverter.parse(transferLimit);
        } catch (RuntimeException e) {
            throw new UserError("--transfer-limit: a number of bytes or none, got '" + transferLimit + "'");
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new UserError("--transfer-limit: a positive number of bytes or none, got '" + transferLimit + "'");
        }
        return io.vavr.control.Option.some((int) value);
    }
}
