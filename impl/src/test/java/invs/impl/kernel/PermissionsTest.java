package invs.impl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class PermissionsTest {
    @Test
    void selfOnlyWritesReadsAndModifiesItsOwnId() {
        Permissions p = Permissions.selfOnly(5);
        assertEquals(OptionalInt.of(5), p.writeId());
        assertTrue(p.mayRead(5) && p.mayModify(5));
        assertFalse(p.mayRead(6) || p.mayModify(6) || p.mayRead(0));
        assertThrows(IllegalArgumentException.class, () -> Permissions.selfOnly(0));
    }

    @Test
    void fixedSizeWritesOnlyWithWritePermission() {
        assertEquals(OptionalInt.of(9), new Permissions.FixedSize(9, true, false, List.of(), List.of()).writeId());
        assertEquals(OptionalInt.empty(), new Permissions.FixedSize(9, false, true, List.of(), List.of()).writeId());
    }

    @Test
    void fixedSizeReadsItselfOnlyWithReadModifySelf() {
        Permissions without = new Permissions.FixedSize(9, true, false, List.of(), List.of());
        assertFalse(without.mayRead(9) || without.mayModify(9));
        Permissions with = new Permissions.FixedSize(9, true, true, List.of(), List.of());
        assertTrue(with.mayRead(9) && with.mayModify(9));
    }

    @Test
    void fixedSizeListsNeverGrantIdZero() {
        Permissions p = new Permissions.FixedSize(9, true, false, List.of(0, 3), List.of(0, 4));
        assertTrue(p.mayRead(3));
        assertFalse(p.mayRead(4) || p.mayRead(0));
        assertTrue(p.mayModify(4));
        assertFalse(p.mayModify(3) || p.mayModify(0));
    }

    @Test
    void fixedSizeListsHoldAtMostEightIds() {
        List<Integer> nine = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThrows(IllegalArgumentException.class, () -> new Permissions.FixedSize(1, true, true, nine, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Permissions.FixedSize(1, true, true, List.of(), nine));
    }

    @Test
    void kernelUsesIdZeroAndNullNothing() {
        assertEquals(OptionalInt.of(0), Permissions.kernel().writeId());
        assertTrue(Permissions.kernel().mayRead(0) && Permissions.kernel().mayModify(0));
        assertFalse(Permissions.kernel().mayRead(1));
        assertEquals(OptionalInt.empty(), Permissions.none().writeId());
        assertFalse(Permissions.none().mayRead(0) || Permissions.none().mayModify(1));
    }
}
