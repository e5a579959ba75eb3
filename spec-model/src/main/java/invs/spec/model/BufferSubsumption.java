package invs.spec.model;

import io.vavr.collection.Array;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which states of a frontier, or parts of an app in a product, another subsumes for what an app's
 * read-write buffer knows: the same in all else (regions, apps, the remembered read), at least as many
 * faults armed, and each app's buffer knowing no byte the other's does not. Such pairs arise where an
 * operation unseen may have failed with FAIL, leaving the buffer unknown, or completed (both held as one
 * state whose upcall may be FAIL, {@link FaultAlternatives}), beside the same with the buffer as it was.
 *
 * <p>Sound: this is the relation {@link Subsumption}'s proof shows to be a simulation (T's read-write
 * buffer knowing no byte S's does not, the same read remembered), with equal storage: the state kept allows
 * every observation sequence the state left out allows.
 */
final class BufferSubsumption {
    private BufferSubsumption() {
    }

    /** {@code states} (distinct) without those another of them subsumes for what an app's buffer knows, in order. */
    static Vector<SystemState> withoutSubsumed(Vector<SystemState> states) {
        int size = states.size();
        if (size < 2 || !anyBufferUnknown(states)) {
            return states;
        }
        // Only states alike in all but their buffers' bytes and their faults are compared.
        Map<Integer, List<Integer>> alike = new HashMap<>();
        for (int at = 0; at < size; at++) {
            alike.computeIfAbsent(shape(states.get(at)), key -> new ArrayList<>(2)).add(at);
        }
        if (alike.size() == size) {
            return states;
        }
        boolean[] dropped = new boolean[size];
        boolean any = false;
        for (List<Integer> group : alike.values()) {
            for (int at : group) {
                for (int index = 0; index < group.size() && !dropped[at]; index++) {
                    int other = group.get(index);
                    dropped[at] = other != at && !dropped[other] && subsumes(states.get(other), states.get(at));
                }
                any |= dropped[at];
            }
        }
        if (!any) {
            return states;
        }
        return Vector.ofAll(Frontier.undropped(states, dropped));
    }

    /** A hash of all {@link #subsumes} compares for equality: the regions, and each app but its buffer's bytes. */
    private static int shape(SystemState state) {
        int hash = state.regions().hashCode();
        for (AppState app : state.apps()) {
            hash = 31 * hash + app.shapeHash();
        }
        return hash;
    }

    /**
     * One app's {@code parts} of a product (distinct) without a part another of them subsumes: its app state
     * knowing no more ({@link AppState#knowsNoMoreThan}) and having used no more faults.
     */
    static Array<StateProduct.Part> withoutSubsumedParts(Array<StateProduct.Part> parts) {
        int size = parts.size();
        if (size < 2) {
            return parts;
        }
        boolean[] dropped = new boolean[size];
        boolean any = false;
        for (int at = 0; at < size; at++) {
            StateProduct.Part part = parts.get(at);
            for (int other = 0; other < size && !dropped[at]; other++) {
                // Only a part whose buffer knows less than this one's can subsume it (equal buffers: equal apps).
                StateProduct.Part candidate = parts.get(other);
                // (Parts are distinct, and of two with equal apps only one is kept: ProductJoin#cheapestOfEach.)
                dropped[at] = other != at && !dropped[other] && candidate.used() <= part.used()
                        && !candidate.app().readWrite().allKnown() && candidate.app().knowsNoMoreThan(part.app())
                        && !candidate.app().equals(part.app());
            }
            any |= dropped[at];
        }
        if (!any) {
            return parts;
        }
        return Array.ofAll(Frontier.undropped(parts, dropped));
    }

    /** Whether {@code general} subsumes {@code specific} for what its apps' buffers know, storage equal. */
    static boolean subsumes(SystemState general, SystemState specific) {
        if (general.armedFaults() < specific.armedFaults() || !general.regions().equals(specific.regions())) {
            return false;
        }
        boolean lessKnown = false;
        for (int slot = 0; slot < general.apps().size(); slot++) {
            AppState mine = general.apps().get(slot);
            AppState theirs = specific.apps().get(slot);
            if (!mine.knowsNoMoreThan(theirs)) {
                return false;
            }
            lessKnown |= !mine.equals(theirs);
        }
        return lessKnown || general.armedFaults() > specific.armedFaults();
    }

    private static boolean anyBufferUnknown(Vector<SystemState> states) {
        for (SystemState state : states) {
            for (AppState app : state.apps()) {
                if (!app.readWrite().allKnown()) {
                    return true;
                }
            }
        }
        return false;
    }
}
