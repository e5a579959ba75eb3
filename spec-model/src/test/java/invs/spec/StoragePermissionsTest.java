package invs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * The three questions the driver asks of storage permissions, answered as Tock's kernel answers them
 * ({@code kernel/src/storage_permissions.rs}): the write id, and read or modify access to an owner.
 */
class StoragePermissionsTest {
    private static final ShortId SEVEN = ShortId.of(7);
    private static final ShortId EIGHT = ShortId.of(8);
    private static final ShortId NINE = ShortId.of(9);
    private static final ShortId ZERO = new ShortId(0);

    private static StoragePermissions.FixedSize fixed(boolean write, boolean readModifySelf, Vector<ShortId> read,
                                                      Vector<ShortId> modify) {
        return new StoragePermissions.FixedSize(SEVEN, write, readModifySelf, read, modify);
    }

    @Test
    void selfOnlyWritesReadsAndModifiesItsOwnIdOnly() {
        StoragePermissions self = StoragePermissions.selfOnly(7);
        assertEquals(Option.some(SEVEN), self.writeId());
        assertTrue(self.mayRead(SEVEN) && self.mayModify(SEVEN));
        assertFalse(self.mayRead(EIGHT) || self.mayModify(EIGHT));
    }

    @Test
    void fixedSizeHasAWriteIdOnlyWithTheWriteFlag() {
        assertEquals(Option.some(SEVEN), fixed(true, false, Vector.empty(), Vector.empty()).writeId());
        assertEquals(Option.none(), fixed(false, true, Vector.of(SEVEN), Vector.of(SEVEN)).writeId());
    }

    @Test
    void fixedSizeReachesItsOwnIdThroughTheSelfFlagOrItsLists() {
        StoragePermissions selfFlag = fixed(true, true, Vector.empty(), Vector.empty());
        assertTrue(selfFlag.mayRead(SEVEN) && selfFlag.mayModify(SEVEN));
        assertFalse(selfFlag.mayRead(EIGHT) || selfFlag.mayModify(EIGHT));
        StoragePermissions listedSelf = fixed(true, false, Vector.of(SEVEN), Vector.empty());
        assertTrue(listedSelf.mayRead(SEVEN));
        assertFalse(listedSelf.mayModify(SEVEN));
        StoragePermissions neither = fixed(true, false, Vector.empty(), Vector.empty());
        assertFalse(neither.mayRead(SEVEN) || neither.mayModify(SEVEN));
    }

    @Test
    void fixedSizeListsAreSeparateAndNeverMatchIdZero() {
        StoragePermissions lists = fixed(false, false, Vector.of(EIGHT, ZERO), Vector.of(NINE, ZERO));
        assertTrue(lists.mayRead(EIGHT));
        assertFalse(lists.mayRead(NINE));
        assertTrue(lists.mayModify(NINE));
        assertFalse(lists.mayModify(EIGHT));
        assertFalse(lists.mayRead(ZERO) || lists.mayModify(ZERO));
        // Id 0 is reachable only as the app's own id with the self flag.
        StoragePermissions zeroSelf = new StoragePermissions.FixedSize(ZERO, true, true, Vector.empty(), Vector.empty());
        assertTrue(zeroSelf.mayRead(ZERO) && zeroSelf.mayModify(ZERO));
    }

    @Test
    void fixedSizeHoldsAtMostEightIdsPerList() {
        Vector<ShortId> nine = Vector.range(1, 10).map(id -> ShortId.of(id));
        assertThrows(IllegalArgumentException.class, () -> fixed(true, true, nine, Vector.empty()));
        assertThrows(IllegalArgumentException.class, () -> fixed(true, true, Vector.empty(), nine));
        assertEquals(8, fixed(true, true, nine.take(8), nine.take(8)).readIds().size());
    }

    @Test
    void nullHasNothingAndKernelHasIdZero() {
        StoragePermissions none = StoragePermissions.none();
        assertEquals(Option.none(), none.writeId());
        assertFalse(none.mayRead(SEVEN) || none.mayModify(SEVEN) || none.mayRead(ZERO));
        StoragePermissions kernel = StoragePermissions.kernel();
        assertEquals(Option.some(ZERO), kernel.writeId());
        assertTrue(kernel.mayRead(ZERO) && kernel.mayModify(ZERO));
        assertFalse(kernel.mayRead(SEVEN) || kernel.mayModify(SEVEN));
    }
}
