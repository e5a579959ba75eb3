package invs.spec.explore;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import invs.spec.model.AppState;
import invs.spec.model.ReadSource;
import invs.spec.model.Region;
import invs.spec.model.SystemState;
import io.vavr.collection.Array;
import io.vavr.collection.HashSet;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The permutations of a board's apps that change nothing an exploration can tell: each maps apps to
 * apps with identical permissions (the same kind and flags, differing at most in the app's own ShortId,
 * which is renamed with it), and maps the alphabet and the state after the setup to themselves. Applying
 * one to a state moves each app's state to its image's slot and renames region owners accordingly.
 * The identity is always one of them; on the standard board it is the only one (its three apps have
 * different permissions).
 */
final class AppSymmetry {
    /** One permutation: {@code slots[i]} is the image of slot {@code i}; owners are renamed to match. */
    private record Permutation(int[] slots, java.util.Map<ShortId, ShortId> owners) {
        AppId app(AppId app) {
            return AppId.of(slots[app.slot()]);
        }

        ShortId owner(ShortId owner) {
            return owners.getOrDefault(owner, owner);
        }
    }

    private final Vector<Permutation> permutations;

    private AppSymmetry(Vector<Permutation> permutations) {
        this.permutations = permutations;
    }

    /** The symmetries of {@code config} explored over {@code alphabet} from {@code setupState}. */
    static AppSymmetry of(Configuration config, InputAlphabet alphabet, SystemState setupState) {
        int apps = config.apps().size();
        var writeIds = config.apps().flatMap(app -> app.permissions().writeId());
        // Apps sharing a write id share a region: renaming them apart would not be a symmetry.
        Vector<int[]> candidates = writeIds.distinct().size() == writeIds.size()
                ? permutationsOf(apps) : permutationsOf(apps).take(1);
        Vector<Permutation> found = Vector.empty();
        for (int[] slots : candidates) {
            Option<Permutation> candidate = permutation(config, slots);
            if (candidate.isEmpty()) {
                continue;
            }
            Permutation permutation = candidate.get();
            var moves = HashSet.ofAll(alphabet.moves());
            boolean alphabetKept = alphabet.moves().forAll(move -> moves.contains(
                    new Move(move.inputs().map(input -> rename(input, permutation)))));
            if (alphabetKept && apply(setupState, permutation).equals(setupState)) {
                found = found.append(permutation);
            }
        }
        return new AppSymmetry(found);
    }

    /** How many permutations, the identity included. */
    int size() {
        return permutations.size();
    }

    /** The images of {@code state} under every symmetry, the identity first. */
    Vector<SystemState> images(SystemState state) {
        return permutations.map(permutation -> apply(state, permutation));
    }

    /** The image of {@code state} under symmetry {@code index} (0 is the identity). */
    SystemState image(SystemState state, int index) {
        return index == 0 ? state : apply(state, permutations.get(index));
    }

    private static SystemState apply(SystemState state, Permutation permutation) {
        AppState[] apps = new AppState[state.apps().size()];
        for (int slot = 0; slot < apps.length; slot++) {
            AppState app = state.apps().get(slot);
            Option<ReadSource> source = app.readSource().map(read ->
                    new ReadSource(permutation.owner(read.owner()), read.offset(), read.count(), read.epoch()));
            apps[permutation.slots[slot]] = app.withReadWrite(app.readWrite(), source);
        }
        Array<Region> regions = state.regions().map(region ->
                region.withOwner(permutation.owner(region.owner())));
        return new SystemState(regions, Vector.of(apps), state.armedFaults());
    }

    /** The permutation of slots {@code slots}, if it maps every app to one with identical permissions. */
    private static Option<Permutation> permutation(Configuration config, int[] slots) {
        java.util.Map<ShortId, ShortId> owners = new java.util.HashMap<>();
        for (int slot = 0; slot < slots.length; slot++) {
            App from = config.apps().get(slot);
            App to = config.apps().get(slots[slot]);
            if (!sameUpToOwnId(from.permissions(), to.permissions())) {
                return Option.none();
            }
            Option<ShortId> fromId = from.permissions().writeId();
            Option<ShortId> toId = to.permissions().writeId();
            if (fromId.isDefined() && toId.isDefined()) {
                owners.put(fromId.get(), toId.get());
            }
        }
        return Option.some(new Permutation(slots, owners));
    }

    /** Whether two permissions are of the same kind with the same flags, apart from the app's own id. */
    private static boolean sameUpToOwnId(StoragePermissions one, StoragePermissions other) {
        return switch (one) {
            case StoragePermissions.SelfOnly self -> other instanceof StoragePermissions.SelfOnly;
            case StoragePermissions.FixedSize fixed -> other instanceof StoragePermissions.FixedSize that
                    && fixed.writePermission() == that.writePermission() && fixed.readModifySelf() == that.readModifySelf()
                    && ownOnly(fixed.readIds(), fixed.appId()).isDefined()
                    && ownOnly(fixed.readIds(), fixed.appId()).equals(ownOnly(that.readIds(), that.appId()))
                    && ownOnly(fixed.modifyIds(), fixed.appId()).isDefined()
                    && ownOnly(fixed.modifyIds(), fixed.appId()).equals(ownOnly(that.modifyIds(), that.appId()));
            case StoragePermissions.NullPermissions none -> other instanceof StoragePermissions.NullPermissions;
            case StoragePermissions.KernelPermissions kernel -> other instanceof StoragePermissions.KernelPermissions;
        };
    }

    /**
     * A list of ids as booleans (true for the app's own id, false for id 0, which never matches), or
     * none when it names another app: such lists are not renamed, so they are never interchangeable.
     */
    private static Option<Vector<Boolean>> ownOnly(Vector<ShortId> ids, ShortId own) {
        return ids.forAll(id -> id.equals(own) || id.value() == 0)
                ? Option.some(ids.map(own::equals)) : Option.none();
    }

    /** {@code input} with its app replaced by the app's image under {@code permutation}. */
    private static Input rename(Input input, Permutation permutation) {
        return switch (input) {
            case Command command -> new Command(permutation.app(command.app()), command.number(), command.arg1(), command.arg2());
            case AllowReadOnly allow -> new AllowReadOnly(permutation.app(allow.app()), allow.number(), allow.data());
            case AllowReadWrite allow -> new AllowReadWrite(permutation.app(allow.app()), allow.number(), allow.length());
            case Subscribe subscribe -> new Subscribe(permutation.app(subscribe.app()), subscribe.number());
            case Unsubscribe unsubscribe -> new Unsubscribe(permutation.app(unsubscribe.app()), unsubscribe.number());
            case Yield yield -> new Yield(permutation.app(yield.app()));
            case Restart restart -> new Restart(permutation.app(restart.app()));
            default -> input;
        };
    }

    /** Every permutation of {@code size} slots, in lexicographic order (the identity first). */
    private static Vector<int[]> permutationsOf(int size) {
        return permute(new int[size], new boolean[size], 0, Vector.empty());
    }

    private static Vector<int[]> permute(int[] current, boolean[] used, int index, Vector<int[]> found) {
        if (index == current.length) {
            return found.append(current.clone());
        }
        Vector<int[]> result = found;
        for (int value = 0; value < current.length; value++) {
            if (!used[value]) {
                used[value] = true;
                current[index] = value;
                result = permute(current, used, index + 1, result);
                used[value] = false;
            }
        }
        return result;
    }
}
