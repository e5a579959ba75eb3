package invs.impl.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import invs.impl.driver.Region;
import invs.impl.driver.RegionHeader;

/** Reads the chain of region headers from a storage image, as a tool reading a dump would. */
final class StorageChain {
    private StorageChain() {}

    static List<Region> of(byte[] storage) {
        List<Region> regions = new ArrayList<>();
        int at = 0;
        while (at + RegionHeader.SIZE <= storage.length) {
            Optional<RegionHeader> header = RegionHeader.decode(storage, at);
            if (header.isEmpty() || at + RegionHeader.SIZE + header.get().length() > storage.length) {
                break;
            }
            regions.add(new Region(header.get().shortId(), at, header.get().length()));
            at += RegionHeader.SIZE + header.get().length();
        }
        return regions;
    }
}
