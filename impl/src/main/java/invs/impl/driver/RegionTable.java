package invs.impl.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * The chain of regions packed from the start of the storage area, in order, as read from their
 * headers (or added by allocation). Regions are never freed, resized or moved.
 */
public final class RegionTable {
    private final List<Region> regions = new ArrayList<>();

    /** The first region owned by {@code owner}, or {@code null}. */
    public Region find(int owner) {
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            if (region.owner() == owner) {
                return region;
            }
        }
        return null;
    }

    /** Where the chain ends: the address of the next header. */
    public int end() {
        return regions.isEmpty() ? 0 : regions.get(regions.size() - 1).end();
    }

    /** Whether a header and {@code length} usable bytes fit after the chain (exact capacity). */
    public boolean fits(int length, int storageLength) {
        return (long) end() + RegionHeader.SIZE + length <= storageLength;
    }

    /** Appends {@code region}, which must start where the chain ends. */
    public void add(Region region) {
        if (region.headerAddress() != end()) {
            throw new IllegalArgumentException("region " + region + " does not start at the chain's end " + end());
        }
        regions.add(region);
    }

    /** The regions, in chain order. */
    public List<Region> regions() {
        return List.copyOf(regions);
    }
}
