package invs.conformance.shrink;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.DriverNumbers;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Supplier;

/**
 * The simpler variants the shrinker tries, simplest first: of an input (smaller offsets, lengths, data and
 * torn counts; a tick becomes a drain), of a board (simpler permissions, smaller storage, no transfer
 * limit), and the renumbering of inputs when an app is removed.
 */
public final class Simplifications {
    private Simplifications() {
    }

    /** Simpler variants of {@code input}, simplest first. */
    public static Vector<Input> of(Input input) {
        return switch (input) {
            case Command c when c.number() == DriverNumbers.READ || c.number() == DriverNumbers.WRITE ->
                    smallerWords(c.arg1(), c.arg2()).map(words -> (Input) new Command(c.app(), c.number(), words._1, words._2));
            case Command c when c.arg1() != 0 || c.arg2() != 0 -> Vector.of(new Command(c.app(), c.number(), 0, 0));
            case AllowReadOnly a -> smallerData(a.data()).map(data -> (Input) new AllowReadOnly(a.app(), a.number(), data));
            case AllowReadWrite a -> smallerLengths(a.length()).map(length -> (Input) new AllowReadWrite(a.app(), a.number(), length));
            case Reboot r when r.tornBytes() > 0 -> Vector.of(new Reboot(0), new Reboot(r.tornBytes() / 2))
                    .distinct().filter(candidate -> !candidate.equals(r)).map(candidate -> (Input) candidate);
            // A drain settles what a run of ticks may leave open, so that the other ticks can go.
            case Tick t -> Vector.of(new Drain());
            default -> Vector.empty();
        };
    }

    /**
     * Simpler boards than {@code configuration}, simplest first: each app's permissions as plain SelfOnly
     * (or none), the storage cut to what the apps' regions need (or half), and the transfer limit gone.
     * Only boards that are valid are returned.
     */
    public static Vector<Configuration> ofBoard(Configuration configuration) {
        Vector<Supplier<Configuration>> candidates = Vector.empty();
        for (int slot = 0; slot < configuration.apps().size(); slot++) {
            int at = slot;
            App app = configuration.apps().get(slot);
            for (StoragePermissions simpler : simplerPermissions(app)) {
                candidates = candidates.append(() -> configuration.withApps(configuration.apps()
                        .update(at, new App(app.name(), app.shortId(), simpler))));
            }
        }
        long needed = configuration.apps().size() * configuration.regionFootprint();
        if (needed < configuration.storageLength()) {
            candidates = candidates.append(() -> configuration.withStorageLength(needed));
        }
        if (configuration.storageLength() > 1) {
            candidates = candidates.append(() -> configuration.withStorageLength(configuration.storageLength() / 2));
        }
        if (configuration.transferLimit().isDefined()) {
            candidates = candidates.append(() -> configuration.withTransferLimit(Option.none()));
        }
        return candidates.flatMap(Simplifications::valid).distinct().filter(candidate -> !candidate.equals(configuration));
    }

    private static Vector<StoragePermissions> simplerPermissions(App app) {
        StoragePermissions current = app.permissions();
        Vector<StoragePermissions> simpler = Vector.empty();
        if (app.shortId().isDefined() && !(current instanceof StoragePermissions.SelfOnly)
                && !(current instanceof StoragePermissions.NullPermissions)) {
            simpler = simpler.append(StoragePermissions.selfOnly(app.shortId().get().value()));
        }
        if (current instanceof StoragePermissions.FixedSize fixed
                && (!fixed.readIds().isEmpty() || !fixed.modifyIds().isEmpty())) {
            simpler = simpler.append(new StoragePermissions.FixedSize(fixed.appId(), fixed.writePermission(),
                    fixed.readModifySelf(), Vector.empty(), Vector.empty()));
        }
        return simpler;
    }

    /** The board {@code candidate} makes, none when it is not a valid board (two apps with one write id, say). */
    private static Option<Configuration> valid(Supplier<Configuration> candidate) {
        try {
            return Option.some(candidate.get());
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    /** The slot of the app an input names, if any ({@link Input#concernedApp()}). */
    public static Option<Integer> appOf(Input input) {
        return input.concernedApp().map(AppId::slot);
    }

    /** {@code input} after the app in slot {@code removed} left the board: later slots move down by one. */
    public static Input renumbered(Input input, int removed) {
        Option<Integer> app = appOf(input);
        if (app.isEmpty() || app.get() < removed) {
            return input;
        }
        return withApp(input, AppId.of(app.get() - 1));
    }

    /** {@code input} made by the app in slot {@code app} instead (events stay as they are). */
    public static Input withApp(Input input, AppId app) {
        return switch (input) {
            case Command c -> new Command(app, c.number(), c.arg1(), c.arg2());
            case AllowReadOnly a -> new AllowReadOnly(app, a.number(), a.data());
            case AllowReadWrite a -> new AllowReadWrite(app, a.number(), a.length());
            case Subscribe s -> new Subscribe(app, s.number());
            case Unsubscribe u -> new Unsubscribe(app, u.number());
            case Yield y -> new Yield(app);
            case Restart r -> new Restart(app);
            case Tick t -> t;
            case Drain d -> d;
            case Reboot r -> r;
            case FlashFault f -> f;
        };
    }

    private static Vector<Tuple2<Long, Long>> smallerWords(long low, long high) {
        Vector<Tuple2<Long, Long>> candidates = Vector.empty();
        if (high != 0) {
            candidates = candidates.append(Tuple.of(low, 0L));
            if (high > 1) {
                candidates = candidates.append(Tuple.of(low, 1L));
            }
        }
        if (low != 0) {
            candidates = candidates.append(Tuple.of(0L, high)).append(Tuple.of(low / 2, high)).append(Tuple.of(low - 1, high));
        }
        return candidates.distinct().filter(words -> words._1 != low || words._2 != high);
    }

    private static Vector<Bytes> smallerData(Bytes data) {
        Vector<Bytes> candidates = Vector.empty();
        if (data.length() > 1) {
            byte[] all = data.toArray();
            candidates = candidates.append(Bytes.of(all, 0, data.length() / 2)).append(Bytes.of(all, 0, data.length() - 1));
        }
        Bytes zeros = Bytes.filled(data.length(), 0);
        if (!data.equals(zeros)) {
            candidates = candidates.append(zeros);
        }
        return candidates.distinct();
    }

    private static Vector<Integer> smallerLengths(int length) {
        return length <= 1 ? Vector.empty() : Vector.of(length / 2, length - 1).distinct();
    }
}
