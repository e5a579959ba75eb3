package invs.fuzz.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry dropped is the least recently used one, a lookup counting as a use. */
class RecentlyUsedTest {
    @Test
    void keepsTheMostRecentlyUsedEntries() {
        RecentlyUsed<String, Integer> recent = new RecentlyUsed<>(2);
        recent.put("a", 1);
        recent.put("b", 2);
        assertEquals(1, recent.get("a"), "a looked up: b is now the least recently used");
        recent.put("c", 3);
        assertEquals(2, recent.size());
        assertTrue(recent.containsKey("a"));
        assertFalse(recent.containsKey("b"));
        assertTrue(recent.containsKey("c"));
    }
}
