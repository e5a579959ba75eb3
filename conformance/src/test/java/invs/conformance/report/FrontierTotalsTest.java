package invs.conformance.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the totals put the widest frontier and the tries stopped at the frontier bound into words. */
class FrontierTotalsTest {
    private static Totals stopped(long tries) {
        return new Totals(10, true, 500, 400, 1, 0, 0.5, 0.3, 0.2, 2_049, 0, 0, tries);
    }

    @Test
    void withoutStoppedTriesOnlyTheWidestFrontierIsSaid() {
        assertEquals("widest frontier 2,049 states", stopped(0).frontier());
    }

    @Test
    void stoppedTriesAreCountedWithTheBound() {
        assertEquals("widest frontier 2,049 states; 1 try stopped when it passed 2,048", stopped(1).frontier());
        assertEquals("widest frontier 2,049 states; 3 tries stopped when it passed 2,048", stopped(3).frontier());
    }

    @Test
    void shardsAddTheirStoppedTries() {
        assertEquals(5, stopped(2).plus(stopped(3)).triesAtFrontierBound());
    }
}
