package invs.conformance.report;

import invs.conformance.campaign.Shard;
import io.vavr.collection.Vector;

/**
 * The shards of one campaign a report covers: one shard for a campaign's own report ({@code 1/4}), several
 * for a merged one ({@code 0,1,3/4}).
 *
 * @param indexes the shard numbers, ascending, each once
 * @param count   how many shards the campaign was split into
 */
public record ShardSet(Vector<Integer> indexes, int count) {
    /** Checks the fields. */
    public ShardSet {
        if (count < 1 || indexes.isEmpty() || indexes.exists(index -> index < 0 || index >= count)
                || !indexes.equals(indexes.distinct().sorted())) {
            throw new IllegalArgumentException("shards are distinct ascending numbers from 0 to " + (count - 1)
                    + ", got " + indexes.mkString(",") + "/" + count);
        }
    }

    /** The set of one shard. */
    public static ShardSet of(Shard shard) {
        return new ShardSet(Vector.of(shard.index()), shard.count());
    }

    /**
     * The set written {@code i/N} or {@code i,j,…/N}.
     *
     * @throws IllegalArgumentException when malformed
     */
    public static ShardSet parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("a shard is written i/N or i,j,…/N, got '" + text + "'");
        }
        try {
            int count = Integer.parseInt(text.substring(slash + 1).trim());
            Vector<Integer> indexes = Vector.of(text.substring(0, slash).split(",", -1)).map(String::trim).map(Integer::parseInt);
            return new ShardSet(indexes, count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is written i/N or i,j,…/N with whole numbers, got '" + text + "'");
        }
    }

    /** This set and {@code other} together. @throws IllegalArgumentException when they overlap or split differently */
    public ShardSet plus(ShardSet other) {
        if (other.count != count) {
            throw new IllegalArgumentException("shards of " + count + " and of " + other.count + " are not parts of one campaign");
        }
        Vector<Integer> both = indexes.filter(other.indexes::contains);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("shard " + both.head() + "/" + count + " is given twice");
        }
        return new ShardSet(indexes.appendAll(other.indexes).sorted(), count);
    }

    /** How many shards of the campaign this set leaves out. */
    public int missingCount() {
        return count - indexes.size();
    }

    /** The first {@code limit} shards of the campaign this set leaves out, in order. */
    public Vector<Integer> firstMissing(int limit) {
        Vector<Integer> missing = Vector.empty();
        for (int index = 0, next = 0; index < count && missing.size() < limit; index++) {
            if (next < indexes.size() && indexes.get(next) == index) {
                next++;
            } else {
                missing = missing.append(index);
            }
        }
        return missing;
    }

    /** Whether the set has more than one shard (a merged report). */
    public boolean merged() {
        return indexes.size() > 1;
    }

    @Override
    public String toString() {
        return indexes.mkString(",") + "/" + count;
    }
}
