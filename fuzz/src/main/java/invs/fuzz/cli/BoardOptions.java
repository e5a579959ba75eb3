package invs.fuzz.cli;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.board.StandardConfigurations;
import invs.conformance.campaign.BoardMode;
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
            description = "Standard boards to use (default: all four; replay and check-trace: the trace's board):"
                    + " default, permissions, exhaustion, 64bit;"
                    + " a name with its profile (doc-default, tock-exhaustion, ...) also chooses the profile, which"
                    + " --profile then cannot contradict.")
    private List<String> standard;

    @Option(names = "--boards", paramLabel = "standard|generated|both",
            description = "Which boards tries run on: the standard (or given) ones, boards generated from each try's"
                    + " seed, or both (default: both; standard when --config or a field option pins the board).")
    private String boards;

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
            description = "The one reading of the driver document the campaign checks: doc, everything the clarified"
                    + " document allows; tock, the real capsule's choices (default: what the server announces, else doc;"
                    + " replay and check-trace: the trace's reading).")
    private String profile;

    @Option(names = "--apps", paramLabel = "SPEC",
            description = "The apps in process-slot order, e.g. selfonly:0x1001,selfonly:0x1002,none:0x1003"
                    + " (kinds: selfonly:ID, none:ID, kernel:ID, local; an optional NAME= in front).")
    private String apps;

    @Option(names = "--address-width", paramLabel = "32|64", description = "The kernel's address width.")
    private Integer addressWidth;

    /** Whether any option that changes a board's fields was given (the profile is not a field: it is the reading). */
    public boolean changesFields() {
        return storage != null || regionSize != null || transferLimit != null || apps != null || addressWidth != null;
    }

    /** Whether {@code --config} or {@code --standard} chose the boards (rather than field options alone). */
    public boolean replacesBase() {
        return file != null || standard != null;
    }

    /** Whether any board option was given at all. */
    public boolean given() {
        return changesFields() || file != null || standard != null || profile != null || boards != null;
    }

    /**
     * The boards of one campaign, all read under one profile: {@code --profile}, else the profile a
     * standard name or {@code --config} file implies, else {@code announced} (by the server), else doc. The
     * boards are the file's, or the standard ones named under that profile; with neither, all four standard
     * boards, or, when a field option is given, one board called {@code custom}: the profile's default board.
     * Field options then modify each board (a modified standard board's name gets a {@code *}).
     *
     * @throws UserError for unknown names, bad values, a malformed file, boards of two readings, or a
     *                    standard name whose profile {@code --profile} contradicts
     */
    public BoardSelection select(io.vavr.control.Option<Profile> announced) {
        if (file != null && standard != null) {
            throw new UserError("choose either --config or --standard");
        }
        Vector<String> names = standard == null ? Vector.empty() : Vector.ofAll(standard).map(String::trim).distinct();
        Vector<NamedConfiguration> bases;
        if (file != null) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            bases = Vector.of(new NamedConfiguration(name.isBlank() ? "custom" : name, ConfigurationFile.read(file)));
        } else if (standard != null) {
            bases = names.map(BoardOptions::standardBoard);
        } else {
            bases = Vector.empty();
        }
        // a shape (default, exhaustion, ...) names no reading; a full name (doc-default) and a file do
        Vector<NamedConfiguration> pinned = file != null ? bases : names.flatMap(StandardConfigurations::named);
        Vector<Profile> implied = pinned.map(named -> named.configuration().profile()).distinct();
        if (profile == null && implied.size() > 1) {
            throw new UserError("the boards " + bases.map(NamedConfiguration::name).mkString(", ") + " belong to two"
                    + " readings of the document; a campaign checks one: choose it with --profile doc or --profile tock");
        }
        Profile chosen = profile != null ? profileOr(Profile.DOC)
                : implied.headOption().orElse(announced).getOrElse(Profile.DOC);
        // --profile reads a file's board under the other reading, but never contradicts a full standard name
        io.vavr.control.Option<NamedConfiguration> contradicted = file != null ? io.vavr.control.Option.none()
                : pinned.find(named -> named.configuration().profile() != chosen);
        if (contradicted.isDefined()) {
            String name = contradicted.get().name();
            throw new UserError("--standard " + name + " is a board of the " + reading(contradicted.get().configuration()
                    .profile()) + " reading but --profile chooses the " + reading(chosen) + " one; name the shape alone ("
                    + name.replaceFirst("^(doc|tock)-", "") + ") or leave out --profile");
        }
        if (bases.isEmpty()) {
            bases = changesFields() ? Vector.of(new NamedConfiguration("custom", Configuration.defaults(chosen)))
                    : StandardConfigurations.of(chosen);
        }
        Vector<NamedConfiguration> selected = bases.map(named -> {
            Configuration base = named.configuration();
            Configuration read = base.profile() == chosen ? base
                    : base.withProfile(chosen).withTransferLimit(Configuration.defaultTransferLimit(chosen));
            String name = base.profile() == chosen ? named.name() : named.name().replaceFirst("^(doc|tock)-", "")
                    .transform(shape -> chosen.name().toLowerCase(Locale.ROOT) + "-" + shape);
            boolean renamed = changesFields() && !name.equals("custom");
            return new NamedConfiguration(renamed ? name + "*" : name, modified(read));
        });
        return new BoardSelection(selected, mode(), chosen);
    }

    private static String reading(Profile profile) {
        return profile.name().toLowerCase(Locale.ROOT);
    }

    private BoardMode mode() {
        if (boards == null) {
            return replacesFile() || changesFields() ? BoardMode.STANDARD : BoardMode.BOTH;
        }
        return switch (boards.toLowerCase(Locale.ROOT)) {
            case "standard" -> BoardMode.STANDARD;
            case "generated" -> BoardMode.GENERATED;
            case "both" -> BoardMode.BOTH;
            default -> throw new UserError("--boards: standard, generated or both, got '" + boards + "'");
        };
    }

    private boolean replacesFile() {
        return file != null;
    }

    /** The standard board called {@code name}: a shape (under the campaign's profile) or a full name. */
    private static NamedConfiguration standardBoard(String name) {
        return StandardConfigurations.named(name)
                .orElse(() -> StandardConfigurations.SHAPES.contains(name)
                        ? StandardConfigurations.of(Profile.DOC).find(board -> board.name().equals("doc-" + name))
                        : io.vavr.control.Option.none())
                .getOrElseThrow(() -> new UserError("--standard: no standard board called '" + name + "' (known: "
                        + StandardConfigurations.SHAPES.mkString(", ") + ", or with a profile in front: "
                        + StandardConfigurations.all().map(NamedConfiguration::name).mkString(", ") + ")"));
    }

    /**
     * The boards for commands that take boards without a system to ask (check-trace, explore): like
     * {@link #select} with nothing announced.
     */
    public Vector<NamedConfiguration> configurations() {
        return select(io.vavr.control.Option.none()).boards();
    }

    /**
     * The board a recorded trace runs on under these options: {@code recorded} (the trace header's) when
     * none is given; the one board {@code --config} or {@code --standard} names; or {@code recorded} with
     * the field options and {@code --profile} applied.
     *
     * @throws UserError when the options name more than one board, or {@code --boards} is given (a campaign's)
     */
    public Configuration forTrace(Configuration recorded, String command) {
        if (boards != null) {
            throw new UserError("--boards chooses the boards of a campaign's tries; " + command + " runs the trace's"
                    + " board (--config or --standard replace it, field options modify it)");
        }
        if (!given()) {
            return recorded;
        }
        if (!replacesBase()) {
            return modified(recorded);
        }
        Vector<NamedConfiguration> chosen = configurations();
        if (chosen.size() != 1) {
            throw new UserError(command + " needs exactly one board; --standard named " + chosen.size());
        }
        return chosen.head().configuration();
    }

    /** {@code base} with the field options applied. @throws UserError for bad values */
    public Configuration modified(Configuration base) {
        Configuration result = base;
        try {
            Profile chosen = profileOr(base.profile());
            if (chosen != base.profile()) {
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
                result = result.withApps(AppsOption.parse(apps));
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
