package invs.impl.kernel;

import invs.impl.board.Board;
import invs.impl.board.BoardConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import invs.impl.driver.RegionHeader;

/** How commands 1-3 check permissions, and that NOSUPPORT comes before BUSY. */
class PermissionCheckTest {
    private static final SyscallResult NOSUPPORT = SyscallResult.failure(ErrorCode.NOSUPPORT);

    @Test
    void readNeedsReadPermissionOnTheWriteIdAndWriteNeedsModify() {
        Permissions readOnly = new Permissions.FixedSize(5, true, false, List.of(5), List.of());
        Permissions modifyOnly = new Permissions.FixedSize(6, true, false, List.of(), List.of(6));
        Board board = new Board(BoardConfiguration.defaults().withApps(ProcessConfiguration.of(5, readOnly), ProcessConfiguration.of(6, modifyOnly)));
        board.allowReadWrite(0, 0, 1);
        board.allowReadOnly(1, 0, new byte[1]);
        assertEquals(NOSUPPORT, board.command(0, 3, 0, 0));
        assertEquals(SyscallResult.SUCCESS, board.command(0, 2, 0, 0));
        assertEquals(NOSUPPORT, board.command(1, 2, 0, 0));
        assertEquals(SyscallResult.SUCCESS, board.command(1, 3, 0, 0));
    }

    @Test
    void sizeNeedsOnlyAWriteId() {
        Permissions writeOnly = new Permissions.FixedSize(7, true, false, List.of(), List.of());
        Permissions noWrite = new Permissions.FixedSize(8, false, true, List.of(8), List.of(8));
        Board board = new Board(BoardConfiguration.defaults().withApps(ProcessConfiguration.of(7, writeOnly), ProcessConfiguration.of(8, noWrite)));
        assertEquals(SyscallResult.SUCCESS, board.command(0, 1, 0, 0));
        assertEquals(NOSUPPORT, board.command(0, 2, 0, 0));
        assertEquals(NOSUPPORT, board.command(1, 1, 0, 0));
        assertEquals(NOSUPPORT, board.command(1, 2, 0, 0));
        assertEquals(NOSUPPORT, board.command(1, 3, 0, 0));
    }

    @Test
    void permissionsAreCheckedBeforeBusy() {
        Permissions readOnly = new Permissions.FixedSize(5, true, false, List.of(5), List.of());
        Board board = new Board(BoardConfiguration.defaults().withApps(ProcessConfiguration.of(5, readOnly)));
        assertEquals(SyscallResult.SUCCESS, board.command(0, 1, 0, 0));
        assertEquals(NOSUPPORT, board.command(0, 3, 0, 0));
        assertEquals(SyscallResult.failure(ErrorCode.BUSY), board.command(0, 2, 0, 0));
    }

    @Test
    void theKernelOwnsRegionZero() {
        Userspace user = new Userspace(BoardConfiguration.defaults().withApps(ProcessConfiguration.withoutShortId(Permissions.kernel())));
        assertEquals(2048, user.regionSize(0));
        assertEquals(new Upcall(2, 0, 3, 0), user.write(0, 0, new byte[] {1, 2, 3}));
        byte[] header = Arrays.copyOf(user.board.storageImage(), 12);
        assertEquals(Optional.of(new RegionHeader(2048, 0)), RegionHeader.decode(header, 0));
    }
}
