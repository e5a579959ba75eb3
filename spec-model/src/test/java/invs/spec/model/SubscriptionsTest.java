package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An app's subscriptions behave as a set of subscribe numbers. */
class SubscriptionsTest {

    @Test
    void aNumberAddedIsHeldUntilRemovedAndNoOtherIs() {
        Subscriptions written = Subscriptions.NONE.with(2);
        assertTrue(written.contains(2));
        assertFalse(written.contains(0));
        assertFalse(written.contains(1));
        Subscriptions both = written.with(1);
        assertEquals(2, both.size());
        assertEquals(written, both.without(1));
        assertEquals(Subscriptions.NONE, both.without(1).without(2));
        assertTrue(both.without(1).without(2).isEmpty());
        assertEquals(both, both.with(2), "adding a number held changes nothing");
        assertEquals(written, written.without(0), "removing a number not held changes nothing");
    }

    @Test
    void equalSetsAreEqualWhateverTheOrderTheyWereMadeIn() {
        assertEquals(Subscriptions.of(0, 1, 2), Subscriptions.NONE.with(2).with(0).with(1));
        assertEquals(Subscriptions.of(0, 1, 2).hashCode(), Subscriptions.of(2, 1, 0).hashCode());
        assertNotEquals(Subscriptions.of(0, 1), Subscriptions.of(0, 2));
    }

    @Test
    void numbersNoSetHoldsAreNeverContainedAndCannotBeAdded() {
        Subscriptions all = Subscriptions.of(0, 1, 2, 31);
        assertFalse(all.contains(-1));
        assertFalse(all.contains(32));
        assertTrue(all.contains(31));
        assertThrows(IllegalArgumentException.class, () -> all.with(32));
        assertThrows(IllegalArgumentException.class, () -> all.without(-1));
    }

    @Test
    void writtenAsASetInAscendingOrder() {
        assertEquals("{1, 2}", Subscriptions.of(2, 1).toString());
        assertEquals("{}", Subscriptions.NONE.toString());
    }
}
