package invs.impl.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTableTest {
    @Test
    void regionsArePackedAfterTheirHeaders() {
        Region region = new Region(7, 0, 2048);
        assertEquals(12, region.start());
        assertEquals(2060, region.end());
    }

    @Test
    void findsTheFirstRegionOfAnOwner() {
        RegionTable table = new RegionTable();
        table.add(new Region(1, 0, 100));
        table.add(new Region(2, 112, 50));
        table.add(new Region(1, 174, 10));
        assertEquals(new Region(1, 0, 100), table.find(1));
        assertEquals(new Region(2, 112, 50), table.find(2));
        assertNull(table.find(3));
        assertEquals(196, table.end());
    }

    @Test
    void capacityIsExact() {
        RegionTable table = new RegionTable();
        assertTrue(table.fits(2048, 2060));
        assertFalse(table.fits(2048, 2059));
        table.add(new Region(1, 0, 2048));
        assertTrue(table.fits(2048, 4120));
        assertFalse(table.fits(2048, 4119));
    }

    @Test
    void aRegionMustStartWhereTheChainEnds() {
        RegionTable table = new RegionTable();
        assertThrows(IllegalArgumentException.class, () -> table.add(new Region(1, 4, 10)));
    }
}
