package invs.conformance.campaign;

import invs.conformance.shrink.Simplifications;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Cross-replay across a reboot or restart (docs/conformance.md, "One report per cause"). A defect in what
 * a reboot or restart keeps shows differently on different boards: a reboot that loses the regions shows
 * as data lost when the app reads its own region back, and as a region handed out twice when storage is
 * full and another app asks for one. A splice runs one finding's steps up to its last reboot or restart
 * (what broke the state) on the other finding's board, with its app renamed to each app there, between the
 * other finding's subscriptions and allows and its steps after its own last reboot or restart (how that
 * finding saw the broken state): if that fails as the other finding does, one state is behind both.
 */
final class Splice {
    private Splice() {
    }

    /**
     * The sequences that splice {@code breaking}'s steps up to its last reboot or restart into {@code seeing}'s,
     * for {@code seeing}'s board of {@code apps} apps; none unless both have a reboot or restart before
     * their last step and {@code breaking}'s steps up to it use one app.
     */
    static Vector<Vector<Input>> of(Vector<Input> breaking, Vector<Input> seeing, int apps) {
        Option<Integer> broken = lastBreak(breaking);
        Option<Integer> seen = lastBreak(seeing);
        if (broken.isEmpty() || seen.isEmpty()) {
            return Vector.empty();
        }
        Vector<Input> cause = breaking.take(broken.get() + 1);
        Vector<Integer> used = cause.flatMap(Simplifications::appOf).distinct();
        if (used.size() != 1) {
            return Vector.empty();
        }
        Vector<Input> setup = seeing.take(seen.get()).filter(input -> input instanceof Subscribe
                || input instanceof AllowReadOnly || input instanceof AllowReadWrite);
        Vector<Input> after = seeing.drop(seen.get() + 1);
        return Vector.range(0, apps).map(app -> setup
                .appendAll(cause.map(input -> Simplifications.appOf(input).isDefined()
                        ? Simplifications.withApp(input, AppId.of(app)) : input))
                .appendAll(after));
    }

    /** Where the last reboot or restart before the last step is. */
    private static Option<Integer> lastBreak(Vector<Input> inputs) {
        int at = inputs.init().lastIndexWhere(input -> input instanceof Reboot || input instanceof Restart);
        return at < 0 ? Option.none() : Option.some(at);
    }
}
