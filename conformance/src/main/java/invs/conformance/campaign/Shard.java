package invs.conformance.campaign;

/**
 * One of {@code count} deterministic parts of a campaign: try {@code k} of the campaign belongs to shard
 * {@code k mod count}, with the seed {@link invs.conformance.campaign.Campaign#trySeed} derives from the
 * campaign's seed and {@code k}. Shards {@code 0/N … (N-1)/N} together run exactly the tries of the whole
 * campaign, each try once, whatever machines they run on.
 *
 * @param index this shard's number, from 0
 * @param count how many shards
 */
public record Shard(int index, int count) {
    /** Checks the fields. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/N with 0 <= i < N, got " + index + "/" + count);
        }
    }

    /** The whole campaign: shard 0 of 1. */
    public static Shard whole() {
        return new Shard(0, 1);
    }

    /** The shard written {@code i/N}, for example {@code 3/8}. @throws IllegalArgumentException when malformed */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is written i/N, for example 0/4, got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is written i/N with whole numbers, got '" + text + "'");
        }
    }

    /** Whether try {@code tryIndex} of the campaign belongs to this shard. */
    public boolean owns(long tryIndex) {
        return tryIndex % count == index;
    }

    /** The campaign index of this shard's try number {@code position} (0 for its first). */
    public long tryAt(long position) {
        return index + position * count;
    }

    /**
     * How many of the campaign's first {@code tries} tries belong to this shard; without overflow for any
     * {@code tries} up to {@link Long#MAX_VALUE}, a campaign bounded by its time alone.
     */
    public long triesOf(long tries) {
        return tries <= index ? 0 : (tries - index - 1) / count + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
