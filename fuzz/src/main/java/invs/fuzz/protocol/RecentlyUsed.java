package invs.fuzz.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps only its {@code kept} most recently used entries (in access order: a lookup counts as a
 * use), for the protocol's small memories of the boards a conversation went through. Not thread-safe.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {
    private final int kept;

    /** An empty map that will keep {@code kept} entries. */
    RecentlyUsed(int kept) {
        super(2 * kept, 0.75f, true);
        this.kept = kept;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > kept;
    }
}
