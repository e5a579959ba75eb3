package invs.conformance.check;

import invs.spec.Configuration;
import invs.spec.model.Frontier;
import invs.spec.model.Specification;

/**
 * The frontier at first power-on of each configuration lockstep was checked on lately, made once and
 * shared: a campaign opens thousands of sessions on a few boards, most often in turn, and making a
 * {@link Specification} is not free. Both are immutable values of their configuration, so sessions (and
 * threads) can share them, and no result depends on which session made them. Keeps the last {@code kept}
 * configurations made; reading takes no lock.
 */
final class StartingFrontiers {
    /** How many configurations the frontiers of {@link #SHARED} are kept for. */
    static final int KEPT = 16;
    /** The frontiers every session shares. */
    static final StartingFrontiers SHARED = new StartingFrontiers(KEPT);

    private final int kept;
    /** The frontiers kept, the newest first; replaced, never changed. */
    private volatile Frontier[] frontiers = new Frontier[0];

    /** Keeps the frontiers of the last {@code kept} configurations made. */
    StartingFrontiers(int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("keeps at least one configuration's frontier, not " + kept);
        }
        this.kept = kept;
    }

    /** The frontier at first power-on of {@code configuration}'s specification. */
    Frontier of(Configuration configuration) {
        Frontier[] now = frontiers;
        // The same configuration object, most often: a campaign hands its boards to every session.
        for (Frontier frontier : now) {
            if (frontier.specification().configuration() == configuration) {
                return frontier;
            }
        }
        for (Frontier frontier : now) {
            if (frontier.specification().configuration().equals(configuration)) {
                return frontier;
            }
        }
        return keep(Frontier.start(new Specification(configuration)));
    }

    /** Keeps {@code made}, unless another thread has kept its configuration's meanwhile: the one kept. */
    private synchronized Frontier keep(Frontier made) {
        Frontier[] now = frontiers;
        for (Frontier frontier : now) {
            if (frontier.specification().configuration().equals(made.specification().configuration())) {
                return frontier;
            }
        }
        Frontier[] next = new Frontier[Math.min(kept, now.length + 1)];
        next[0] = made;
        System.arraycopy(now, 0, next, 1, next.length - 1);
        frontiers = next;
        return made;
    }

    /** How many configurations' frontiers are kept now. */
    int size() {
        return frontiers.length;
    }
}
