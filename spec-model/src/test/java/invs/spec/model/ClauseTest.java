package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * One example per clause of the driver document (and of the clarifications and TRD104 rules the model
 * relies on), named after the clause: {@code COMMAND_2_OFFSET} is tested by {@code command2Offset}.
 * Unless a test says otherwise the board is {@link Configuration#defaults}: 8 KiB of storage, 2 KiB
 * regions, apps alpha (slot 0) and beta (slot 1) with SelfOnly permissions, gamma (slot 2) with none.
 */
class ClauseTest {
    private static final int SIZE = 2048;
    private static final AppId ALPHA = app(0);
    private static final AppId BETA = app(1);
    private static final AppId GAMMA = app(2);
    private static final Observation SUCCESS = Observation.success();
    private static final Observation NOSUPPORT = Observation.failure(ErrorCode.NOSUPPORT);
    private static final Observation BUSY = Observation.failure(ErrorCode.BUSY);

    private static Scenario doc() {
        return new Scenario(Configuration.defaults(Profile.DOC));
    }

    private static Scenario tock() {
        return new Scenario(Configuration.defaults(Profile.TOCK));
    }

    private static Scenario subscribed(Scenario scenario) {
        return scenario.subscribeAll(ALPHA).subscribeAll(BETA).subscribeAll(GAMMA);
    }

    private static Bytes bytes(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return Bytes.of(data);
    }

    /** A board with {@code apps} SelfOnly apps and room for exactly {@code regions} regions. */
    private static Configuration crowded(int apps, int regions, Profile profile) {
        Vector<App> list = Vector.range(0, apps).map(i -> App.selfOnly("app" + i, 0x2000 + i));
        return Configuration.defaults(profile).withApps(list).withStorageLength(regions * (SIZE + 12L));
    }

    /** The ShortId of the SelfOnly neighbour on {@link #fixedSize} boards. */
    static final int NEIGHBOUR = 0x3001;

    /**
     * A board whose slot 0 has FixedSize permissions with the given flags and read and modify lists that
     * name its neighbour in slot 1 (SelfOnly, id {@link #NEIGHBOUR}): listing another id must give no
     * access to anything (D1).
     */
    static Configuration fixedSize(boolean write, boolean readModifySelf, Profile profile) {
        Vector<ShortId> neighbour = Vector.of(ShortId.of(NEIGHBOUR));
        App app = new App("fixed", Option.some(ShortId.of(0x3000)), new StoragePermissions.FixedSize(
                ShortId.of(0x3000), write, readModifySelf, neighbour, neighbour));
        return Configuration.defaults(profile).withApps(Vector.of(app, App.selfOnly("neighbour", NEIGHBOUR)));
    }

    @Test
    void everyClauseHasAnExampleTestNamedAfterIt() {
        var methods = Arrays.stream(ClauseTest.class.getDeclaredMethods()).map(Method::getName).toList();
        for (Clause clause : Clause.values()) {
            String name = testName(clause);
            assertTrue(methods.contains(name), "no example test " + name + " for clause " + clause);
        }
    }

    /** The test method name for a clause: {@code COMMAND_2_OFFSET} becomes {@code command2Offset}. */
    static String testName(Clause clause) {
        StringBuilder name = new StringBuilder();
        for (String word : clause.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    @Test
    void introRegion() {
        // Each app with permission gets its own fixed-size region: same size, separate contents.
        subscribed(doc())
                .roundTrip(Command.size(ALPHA), Upcall.success(0, SIZE), Bytes.empty())
                .roundTrip(Command.size(BETA), Upcall.success(0, SIZE), Bytes.empty())
                .write(ALPHA, 0, bytes(1, 2, 3))
                .read(BETA, 0, bytes(0xFF, 0xFF, 0xFF))
                .read(ALPHA, 0, bytes(1, 2, 3))
                .regions(2);
    }

    @Test
    void introAddressWidth() {
        // 64-bit kernel: the offset is arg1 | arg2 << 32, unsigned, in both profiles: a nonzero high word is
        // out of bounds, and so are offsets near 2^64, which must not wrap around to small ones.
        for (Profile profile : Profile.values()) {
            Scenario scenario = subscribed(new Scenario(Configuration.defaults(profile).withAddressWidth(AddressWidth.BITS_64)));
            scenario.allowRw(ALPHA, 4)
                    .fails(new Command(ALPHA, 2, 0, 1), ErrorCode.INVAL)
                    .fails(new Command(ALPHA, 2, 0xFFFF_FFFFL, 0xFFFF_FFFFL), ErrorCode.INVAL)
                    .allowRw(ALPHA, 2).fails(new Command(ALPHA, 2, 0xFFFF_FFFFL, 0xFFFF_FFFFL), ErrorCode.INVAL)
                    .fails(new Command(ALPHA, 2, 0, 0x8000_0000L), ErrorCode.INVAL)
                    .read(ALPHA, SIZE - 4, bytes(0xFF, 0xFF, 0xFF, 0xFF));
        }
    }

    @Test
    void introPermissions() {
        // An app without storage permissions is refused; the tock profile refuses synchronously only, even
        // before the app has a grant (the permission is checked first), and no upcall ever follows.
        tock().allowsExactly(Command.size(GAMMA), NOSUPPORT).only(Command.size(GAMMA), NOSUPPORT)
                .allowsExactly(Command.read(GAMMA, 0), NOSUPPORT).only(Command.read(GAMMA, 0), NOSUPPORT)
                .allowsExactly(Command.write(GAMMA, 0), NOSUPPORT).only(Command.write(GAMMA, 0), NOSUPPORT)
                .subscribeAll(GAMMA).drain()
                .only(new Yield(GAMMA), new Observation.Yielded(Option.none(), Bytes.empty())).regions(0);
    }

    @Test
    void command0Exists() {
        // SUCCESS for every app, with or without permission or grant, never BUSY, and no region allocated.
        for (Profile profile : Profile.values()) {
            for (AppId app : Vector.of(ALPHA, BETA, GAMMA)) {
                new Scenario(Configuration.defaults(profile)).allowsExactly(Command.exists(app), SUCCESS)
                        .cites(Command.exists(app), SUCCESS, Clause.COMMAND_0_EXISTS).regions(0);
            }
            new Scenario(Configuration.defaults(profile)).subscribeAll(ALPHA).accepted(Command.size(ALPHA))
                    .allowsExactly(Command.exists(ALPHA), SUCCESS);
        }
    }

    @Test
    void command1Accepted() {
        subscribed(doc()).cites(Command.size(ALPHA), SUCCESS, Clause.COMMAND_1_ACCEPTED)
                .only(Command.size(ALPHA), SUCCESS).drain()
                .upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void command1Allocates() {
        subscribed(doc()).regions(0).accepted(Command.size(ALPHA)).drain().regions(1)
                .accepted(Command.size(ALPHA)).drain().regions(1);
    }

    @Test
    void command1Nosupport() {
        // doc: at once, or (D7) accepted with NOSUPPORT to follow; the kernel may refuse the grant first.
        doc().allowsExactly(Command.size(GAMMA), NOSUPPORT, SUCCESS, Observation.failure(ErrorCode.NOMEM))
                .cites(Command.size(GAMMA), NOSUPPORT, Clause.COMMAND_1_NOSUPPORT).then(Command.size(GAMMA), NOSUPPORT)
                .subscribeAll(GAMMA).drain()
                .only(new Yield(GAMMA), new Observation.Yielded(Option.none(), Bytes.empty()));
        tock().subscribeAll(GAMMA).allowsExactly(Command.size(GAMMA), NOSUPPORT);
    }

    @Test
    void command1Busy() {
        Scenario scenario = subscribed(doc()).accepted(Command.size(ALPHA));
        // Before a drain the operation may or may not have completed (D4): BUSY or SUCCESS, nothing else.
        scenario.allowsExactly(Command.size(ALPHA), BUSY, SUCCESS).cites(Command.size(ALPHA), BUSY, Clause.COMMAND_1_BUSY)
                .then(Command.size(ALPHA), BUSY)
                // BUSY is per app: beta is accepted while alpha's operation is pending.
                .only(Command.size(BETA), SUCCESS)
                .drain().upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty())
                .only(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.empty()));
    }

    @Test
    void command2Accepted() {
        subscribed(doc()).allowRw(ALPHA, 8).cites(Command.read(ALPHA, 0), SUCCESS, Clause.COMMAND_2_ACCEPTED)
                .roundTrip(Command.read(ALPHA, 0), Upcall.success(1, 8), Bytes.filled(8, 0xFF));
    }

    @Test
    void command2Offset() {
        // 32-bit kernel, doc profile: the upper word must be 0, else the read is not within the region.
        subscribed(doc()).allowRw(ALPHA, 4).fails(new Command(ALPHA, 2, 0, 1), ErrorCode.INVAL)
                .write(ALPHA, 100, bytes(9, 8, 7, 6))
                .read(ALPHA, 100, bytes(9, 8, 7, 6))
                .allowRw(ALPHA, 4).fails(new Command(ALPHA, 2, 100, 1), ErrorCode.INVAL);
    }

    @Test
    void command2Length() {
        // The length is the allowed buffer's: a whole-region read fits, one byte more does not.
        subscribed(doc()).read(ALPHA, 0, Bytes.filled(SIZE, 0xFF))
                .allowRw(ALPHA, SIZE + 1).fails(Command.read(ALPHA, 0), ErrorCode.INVAL);
    }

    @Test
    void command2Allocates() {
        subscribed(doc()).regions(0).read(ALPHA, 0, bytes(0xFF)).regions(1);
    }

    @Test
    void command2AsyncPermission() {
        // FixedSize with write permission but without read_modify_self, its lists naming the neighbour: a
        // write id, no read permission on it. doc: NOSUPPORT at once or by upcall, nothing else.
        Scenario scenario = new Scenario(fixedSize(true, false, Profile.DOC)).subscribeAll(ALPHA);
        scenario.allowsExactly(Command.read(ALPHA, 0), NOSUPPORT, SUCCESS)
                .cites(Command.read(ALPHA, 0), SUCCESS, Clause.COMMAND_2_ASYNC_PERMISSION)
                .cites(Command.read(ALPHA, 0), NOSUPPORT, Clause.COMMAND_2_NOSUPPORT)
                .then(Command.read(ALPHA, 0), SUCCESS)
                // D6: the deferred check answers as if permitted: BUSY while the read is outstanding, SUCCESS
                // if it has completed meanwhile (D4).
                .allowsExactly(Command.read(ALPHA, 0), NOSUPPORT, BUSY, SUCCESS)
                .drain()
                .upcall(ALPHA, Upcall.error(1, ErrorCode.NOSUPPORT), Bytes.empty()).regions(0);
        new Scenario(fixedSize(true, false, Profile.TOCK)).subscribeAll(ALPHA).allowsExactly(Command.read(ALPHA, 0), NOSUPPORT)
                .only(Command.size(ALPHA), SUCCESS)
                // D6: the permission is checked before BUSY.
                .allowsExactly(Command.read(ALPHA, 0), NOSUPPORT);
    }

    @Test
    void command2Nosupport() {
        doc().cites(Command.read(GAMMA, 0), NOSUPPORT, Clause.COMMAND_2_NOSUPPORT);
        tock().only(Command.read(GAMMA, 0), NOSUPPORT);
    }

    @Test
    void command2Busy() {
        subscribed(doc()).allowRw(ALPHA, 4).accepted(Command.read(ALPHA, 0))
                .cites(Command.read(ALPHA, 0), BUSY, Clause.COMMAND_2_BUSY)
                .then(Command.write(ALPHA, 0), BUSY)
                .only(Command.read(BETA, 0), SUCCESS);
    }

    @Test
    void command3Accepted() {
        subscribed(doc()).allowRo(ALPHA, bytes(1, 2, 3, 4))
                .cites(Command.write(ALPHA, 0), SUCCESS, Clause.COMMAND_3_ACCEPTED)
                .roundTrip(Command.write(ALPHA, 0), Upcall.success(2, 4), Bytes.empty())
                .read(ALPHA, 0, bytes(1, 2, 3, 4));
    }

    @Test
    void command3Offset() {
        // The tock profile ignores the upper word on a 32-bit kernel; the doc profile rejects it.
        subscribed(tock()).allowRo(ALPHA, bytes(5))
                .roundTrip(new Command(ALPHA, 3, 7, 1), Upcall.success(2, 1), Bytes.empty())
                .read(ALPHA, 7, bytes(5));
        subscribed(doc()).allowRo(ALPHA, bytes(5)).fails(new Command(ALPHA, 3, 7, 1), ErrorCode.INVAL);
    }

    @Test
    void command3Length() {
        subscribed(doc()).write(ALPHA, 0, Bytes.filled(SIZE, 0x11))
                .allowRo(ALPHA, Bytes.filled(SIZE + 1, 0x22)).fails(Command.write(ALPHA, 0), ErrorCode.INVAL)
                .read(ALPHA, SIZE - 2, bytes(0x11, 0x11));
    }

    @Test
    void command3Allocates() {
        subscribed(doc()).regions(0).write(BETA, 5, bytes(1)).regions(1).read(BETA, 4, bytes(0xFF, 1, 0xFF));
    }

    @Test
    void command3AsyncPermission() {
        Scenario scenario = new Scenario(fixedSize(true, false, Profile.DOC)).subscribeAll(ALPHA);
        scenario.allowRo(ALPHA, bytes(1))
                .allowsExactly(Command.write(ALPHA, 0), NOSUPPORT, SUCCESS)
                .cites(Command.write(ALPHA, 0), SUCCESS, Clause.COMMAND_3_ASYNC_PERMISSION)
                .then(Command.write(ALPHA, 0), SUCCESS).drain()
                .upcall(ALPHA, Upcall.error(2, ErrorCode.NOSUPPORT), Bytes.empty()).regions(0);
    }

    @Test
    void command3Nosupport() {
        doc().cites(Command.write(GAMMA, 0), NOSUPPORT, Clause.COMMAND_3_NOSUPPORT);
        // Without the write flag there is no write id, whatever the lists and read_modify_self say.
        new Scenario(fixedSize(false, true, Profile.TOCK)).allowsExactly(Command.write(ALPHA, 0), NOSUPPORT)
                .allowsExactly(Command.read(ALPHA, 0), NOSUPPORT).allowsExactly(Command.size(ALPHA), NOSUPPORT);
    }

    @Test
    void command3Busy() {
        subscribed(doc()).allowRo(ALPHA, bytes(1)).accepted(Command.write(ALPHA, 0))
                .cites(Command.write(ALPHA, 0), BUSY, Clause.COMMAND_3_BUSY).then(Command.size(ALPHA), BUSY);
    }

    @Test
    void subscribe0Success() {
        subscribed(doc()).accepted(Command.size(BETA)).drain()
                .cites(new Yield(BETA), new Observation.Yielded(Option.some(Upcall.success(0, SIZE)), Bytes.empty()),
                        Clause.SUBSCRIBE_0_SUCCESS)
                .upcall(BETA, Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void subscribe0Nosupport() {
        subscribed(doc()).then(Command.size(GAMMA), SUCCESS).drain()
                .upcall(GAMMA, Upcall.error(0, ErrorCode.NOSUPPORT), Bytes.empty());
    }

    @Test
    void subscribe0Nomem() {
        // Exact capacity: three regions and their headers fill the storage; a fourth does not fit.
        Scenario scenario = new Scenario(crowded(4, 3, Profile.DOC));
        for (int slot = 0; slot < 4; slot++) {
            scenario.subscribeAll(app(slot));
        }
        for (int slot = 0; slot < 3; slot++) {
            scenario.roundTrip(Command.size(app(slot)), Upcall.success(0, SIZE), Bytes.empty());
        }
        scenario.roundTrip(Command.size(app(3)), Upcall.error(0, ErrorCode.NOMEM), Bytes.empty()).regions(3);
        // One byte less of storage and only two regions fit.
        Scenario tight = new Scenario(crowded(4, 3, Profile.DOC).withStorageLength(3 * (SIZE + 12L) - 1));
        tight.subscribeAll(app(0)).subscribeAll(app(1)).subscribeAll(app(2))
                .roundTrip(Command.size(app(0)), Upcall.success(0, SIZE), Bytes.empty())
                .roundTrip(Command.size(app(1)), Upcall.success(0, SIZE), Bytes.empty())
                .roundTrip(Command.size(app(2)), Upcall.error(0, ErrorCode.NOMEM), Bytes.empty());
    }

    @Test
    void subscribe1Success() {
        subscribed(doc()).write(ALPHA, 10, bytes(0xAB, 0xCD)).allowRw(ALPHA, 4)
                .roundTrip(Command.read(ALPHA, 9), Upcall.success(1, 4), bytes(0xFF, 0xAB, 0xCD, 0xFF));
    }

    @Test
    void subscribe1Reserve() {
        // No buffer, or an empty one, wherever the offset points (at the end, past it): RESERVE and only
        // RESERVE, in both profiles (D11).
        for (Profile profile : Profile.values()) {
            subscribed(new Scenario(Configuration.defaults(profile))).fails(Command.read(ALPHA, 0), ErrorCode.RESERVE)
                    .allowRw(ALPHA, 0).fails(Command.read(ALPHA, 0), ErrorCode.RESERVE)
                    .fails(Command.read(ALPHA, SIZE), ErrorCode.RESERVE)
                    .fails(Command.read(ALPHA, SIZE + 1), ErrorCode.RESERVE)
                    .fails(Command.read(ALPHA, 0xFFFF_FFFFL), ErrorCode.RESERVE);
        }
    }

    @Test
    void subscribe1Nomem() {
        Scenario scenario = new Scenario(crowded(2, 1, Profile.TOCK)).subscribeAll(app(0)).subscribeAll(app(1));
        scenario.roundTrip(Command.size(app(0)), Upcall.success(0, SIZE), Bytes.empty())
                .allowRw(app(1), 4).fails(Command.read(app(1), 0), ErrorCode.NOMEM);
    }

    @Test
    void subscribe1Nosupport() {
        subscribed(doc()).then(Command.read(GAMMA, 0), SUCCESS).drain()
                .upcall(GAMMA, Upcall.error(1, ErrorCode.NOSUPPORT), Bytes.empty());
    }

    @Test
    void subscribe1Inval() {
        // The upstream invs_single cases, and the boundary that is still inside.
        Scenario scenario = subscribed(doc());
        long[][] rejected = {{SIZE - 5, 10}, {SIZE + 10, 10}, {0, SIZE + 1}, {SIZE - 1, 2}, {SIZE, 1}};
        for (long[] access : rejected) {
            scenario.allowRw(ALPHA, (int) access[1]).fails(Command.read(ALPHA, access[0]), ErrorCode.INVAL);
        }
        scenario.read(ALPHA, SIZE - 10, Bytes.filled(10, 0xFF)).read(ALPHA, SIZE - 1, bytes(0xFF));
    }

    @Test
    void subscribe1Fail() {
        Scenario scenario = subscribed(doc()).read(ALPHA, 0, bytes(0xFF)).then(new FlashFault(), Observation.quiet())
                .allowRw(ALPHA, 2).accepted(Command.read(ALPHA, 0)).drain();
        // The failed read may have filled its buffer with anything.
        scenario.cites(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(1, ErrorCode.FAIL)), bytes(0xAB, 0xCD)),
                Clause.SUBSCRIBE_1_FAIL);
        scenario.yieldMayRun(ALPHA, Upcall.success(1, 2), Upcall.error(1, ErrorCode.FAIL));
        // Without a fault, FAIL is not allowed.
        subscribed(doc()).read(ALPHA, 0, bytes(0xFF)).allowRw(ALPHA, 2).accepted(Command.read(ALPHA, 0)).drain()
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(1, ErrorCode.FAIL)), bytes(0, 0)));
    }

    @Test
    void subscribe2Success() {
        subscribed(doc()).allowRo(ALPHA, Bytes.filled(300, 0x5A))
                .cites(Command.write(ALPHA, 0), SUCCESS, Clause.COMMAND_3_ACCEPTED)
                .roundTrip(Command.write(ALPHA, 0), Upcall.success(2, 300), Bytes.empty());
    }

    @Test
    void subscribe2Reserve() {
        for (Profile profile : Profile.values()) {
            subscribed(new Scenario(Configuration.defaults(profile))).fails(Command.write(ALPHA, 0), ErrorCode.RESERVE)
                    .allowRo(ALPHA, Bytes.empty()).fails(Command.write(ALPHA, 0), ErrorCode.RESERVE)
                    .fails(Command.write(ALPHA, SIZE), ErrorCode.RESERVE)
                    .fails(Command.write(ALPHA, SIZE + 7), ErrorCode.RESERVE)
                    // Nothing was written: the region still reads 0xFF.
                    .read(ALPHA, SIZE - 2, bytes(0xFF, 0xFF));
        }
    }

    @Test
    void subscribe2Nomem() {
        Scenario scenario = new Scenario(crowded(2, 1, Profile.DOC)).subscribeAll(app(0)).subscribeAll(app(1));
        scenario.write(app(0), 0, bytes(1))
                .allowRo(app(1), bytes(2)).fails(Command.write(app(1), 0), ErrorCode.NOMEM).regions(1);
    }

    @Test
    void subscribe2Nosupport() {
        subscribed(doc()).allowRo(GAMMA, bytes(1)).then(Command.write(GAMMA, 0), SUCCESS).drain()
                .upcall(GAMMA, Upcall.error(2, ErrorCode.NOSUPPORT), Bytes.empty());
    }

    @Test
    void subscribe2Inval() {
        // The upstream invs_read_write failures: 501 bytes at size, 1 byte at size+1, 512 bytes at 2^32-1.
        Scenario scenario = subscribed(doc());
        scenario.allowRo(ALPHA, Bytes.filled(501, 1)).fails(Command.write(ALPHA, SIZE), ErrorCode.INVAL)
                .allowRo(ALPHA, bytes(1)).fails(Command.write(ALPHA, SIZE + 1), ErrorCode.INVAL)
                .allowRo(ALPHA, Bytes.filled(512, 1)).fails(Command.write(ALPHA, 0xFFFF_FFFFL), ErrorCode.INVAL)
                .read(ALPHA, 0, Bytes.filled(4, 0xFF));
    }

    @Test
    void subscribe2Fail() {
        // A failed write leaves the app's read buffer as it was.
        subscribed(doc()).read(ALPHA, 0, bytes(0xFF, 0xFF)).then(new FlashFault(), Observation.quiet())
                .allowRo(ALPHA, bytes(0x22)).onlyAccepted(Command.write(ALPHA, 0)).drain()
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), bytes(0xFF, 0)))
                .yieldMayRun(ALPHA, Upcall.success(2, 1), Upcall.error(2, ErrorCode.FAIL));
        // A failed write leaves only its own range unknown: the bytes around it keep their values.
        Scenario scenario = subscribed(doc()).write(ALPHA, 0, Bytes.filled(8, 0x11))
                .then(new FlashFault(), Observation.quiet())
                .allowRo(ALPHA, bytes(0x22, 0x22)).accepted(Command.write(ALPHA, 3)).drain()
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.empty()));
        scenario.allowRw(ALPHA, 8).accepted(Command.read(ALPHA, 0)).drain()
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 8)),
                        bytes(0x11, 0x11, 0x11, 0x00, 0x7F, 0x11, 0x11, 0x11)));
        subscribed(doc()).write(ALPHA, 0, Bytes.filled(8, 0x11)).then(new FlashFault(), Observation.quiet())
                .allowRo(ALPHA, bytes(0x22, 0x22)).accepted(Command.write(ALPHA, 3)).drain()
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.error(2, ErrorCode.FAIL)), Bytes.empty()))
                .allowRw(ALPHA, 8).accepted(Command.read(ALPHA, 0)).drain()
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 8)),
                        bytes(0x11, 0x11, 0x00, 0x00, 0x00, 0x11, 0x11, 0x11)));
    }

    @Test
    void allowRo0() {
        subscribed(doc()).cites(new AllowReadOnly(ALPHA, 0, bytes(1)), SUCCESS, Clause.ALLOW_RO_0)
                .write(ALPHA, 0, bytes(3, 1, 4)).read(ALPHA, 0, bytes(3, 1, 4));
    }

    @Test
    void allowRw0() {
        subscribed(doc()).cites(new AllowReadWrite(ALPHA, 0, 3), SUCCESS, Clause.ALLOW_RW_0)
                .allowRw(ALPHA, 3)
                .only(new Yield(ALPHA), new Observation.Yielded(Option.none(), bytes(0, 0, 0)))
                .roundTrip(Command.read(ALPHA, 0), Upcall.success(1, 3), bytes(0xFF, 0xFF, 0xFF));
    }

    @Test
    void trd104UnknownCommand() {
        for (int number : new int[] {4, 5, 99}) {
            doc().only(new Command(ALPHA, number, 0, 0), NOSUPPORT);
        }
    }

    @Test
    void trd104UnknownAllow() {
        tock().subscribeAll(ALPHA).allowsExactly(new AllowReadOnly(ALPHA, 1, bytes(1)), NOSUPPORT)
                .allowsExactly(new AllowReadWrite(ALPHA, 1, 4), NOSUPPORT);
        doc().subscribeAll(ALPHA).allowsExactly(new AllowReadWrite(ALPHA, 1, 4), NOSUPPORT, Observation.failure(ErrorCode.INVAL))
                .allowsExactly(new AllowReadOnly(ALPHA, 1, bytes(1)), NOSUPPORT, Observation.failure(ErrorCode.INVAL));
    }

    @Test
    void trd104UnknownSubscribe() {
        tock().subscribeAll(ALPHA).allowsExactly(new Subscribe(ALPHA, 3), NOSUPPORT)
                .allowsExactly(new Unsubscribe(ALPHA, 7), NOSUPPORT);
        // TRD104 section 4 asks for NOSUPPORT, and no text names INVAL for subscribe numbers: doc too.
        doc().subscribeAll(ALPHA).allowsExactly(new Subscribe(ALPHA, 3), NOSUPPORT)
                .allowsExactly(new Unsubscribe(ALPHA, 3), NOSUPPORT);
    }

    @Test
    void trd104Subscribe() {
        // Subscribing again drops the upcall already queued for that number.
        subscribed(doc()).accepted(Command.size(ALPHA)).drain()
                .only(new Subscribe(ALPHA, 0), SUCCESS)
                .only(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.empty()));
        // An upcall completing while its number is unsubscribed is dropped, not kept for later: subscribing
        // to another number afterwards does not bring it back, so the next yield runs the read's upcall.
        doc().only(new Subscribe(ALPHA, 1), SUCCESS).allowRw(ALPHA, 1)
                .onlyAccepted(Command.size(ALPHA)).drain().onlyAccepted(Command.read(ALPHA, 0)).drain()
                .upcall(ALPHA, Upcall.success(1, 1), bytes(0xFF))
                .only(new Yield(ALPHA), new Observation.Yielded(Option.none(), bytes(0xFF)));
        // A failed subscribe removes nothing.
        tock().subscribeAll(ALPHA).onlyAccepted(Command.size(ALPHA)).drain()
                .only(new Subscribe(ALPHA, 3), NOSUPPORT)
                .upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty());
    }

    @Test
    void trd104Yield() {
        // Two completed operations: each yield runs one upcall, oldest first.
        subscribed(doc()).allowRw(ALPHA, 1).accepted(Command.size(ALPHA)).drain().accepted(Command.read(ALPHA, 0)).drain()
                .upcall(ALPHA, Upcall.success(0, SIZE), bytes(0xFF))
                .upcall(ALPHA, Upcall.success(1, 1), bytes(0xFF))
                .only(new Yield(ALPHA), new Observation.Yielded(Option.none(), bytes(0xFF)));
    }

    @Test
    void trd104GrantNomem() {
        Observation nomem = Observation.failure(ErrorCode.NOMEM);
        for (Profile profile : Profile.values()) {
            // Before the grant exists, every call that needs it may be refused: subscribe, unsubscribe,
            // allows, commands 1 to 3 of a permitted app.
            for (var input : Vector.of(new Subscribe(ALPHA, 0), new Unsubscribe(ALPHA, 2),
                    new AllowReadOnly(ALPHA, 0, bytes(1)), new AllowReadWrite(ALPHA, 0, 4), Command.size(ALPHA),
                    Command.read(ALPHA, 0), Command.write(ALPHA, 0))) {
                new Scenario(Configuration.defaults(profile)).allowsExactly(input, SUCCESS, nomem)
                        .cites(input, nomem, Clause.TRD104_GRANT_NOMEM);
            }
            new Scenario(Configuration.defaults(profile)).allowsExactly(new Subscribe(ALPHA, 5), NOSUPPORT, nomem)
                    .allowsExactly(new AllowReadWrite(ALPHA, 1, 2), profile == Profile.DOC
                            ? new Observation[] {NOSUPPORT, Observation.failure(ErrorCode.INVAL), nomem}
                            : new Observation[] {NOSUPPORT, nomem});
            // Calls that do not need it are never refused with NOMEM.
            new Scenario(Configuration.defaults(profile)).allowsExactly(Command.exists(ALPHA), SUCCESS)
                    .allowsExactly(new Command(ALPHA, 4, 0, 0), NOSUPPORT)
                    .allowsExactly(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.empty()));
            // Once a call that needs it has succeeded, the grant exists: never NOMEM again.
            Scenario granted = new Scenario(Configuration.defaults(profile)).then(new AllowReadWrite(ALPHA, 0, 0), SUCCESS);
            granted.allowsExactly(new Subscribe(ALPHA, 0), SUCCESS).allowsExactly(Command.size(ALPHA), SUCCESS)
                    .allowsExactly(new AllowReadOnly(ALPHA, 0, bytes(1)), SUCCESS)
                    .allowsExactly(new Subscribe(ALPHA, 5), NOSUPPORT)
                    .allowsExactly(new AllowReadOnly(ALPHA, 3, bytes(1)), profile == Profile.DOC
                            ? new Observation[] {NOSUPPORT, Observation.failure(ErrorCode.INVAL)} : new Observation[] {NOSUPPORT});
            // Once refused, refused for every call that needs it until the process ends.
            Scenario refused = new Scenario(Configuration.defaults(profile)).then(new Subscribe(ALPHA, 0), nomem);
            refused.allowsExactly(new Subscribe(ALPHA, 1), nomem).allowsExactly(new AllowReadWrite(ALPHA, 0, 4), nomem)
                    .allowsExactly(Command.size(ALPHA), nomem).allowsExactly(Command.exists(ALPHA), SUCCESS)
                    // Other apps have grants of their own.
                    .allowsExactly(new Subscribe(BETA, 0), SUCCESS, nomem);
        }
        // A failure for an undefined number leaves the question open.
        tock().then(new Subscribe(ALPHA, 5), NOSUPPORT).allowsExactly(new Subscribe(ALPHA, 0), SUCCESS,
                Observation.failure(ErrorCode.NOMEM));
    }

    @Test
    void clarifiedFreshRegion() {
        subscribed(doc()).read(BETA, 0, Bytes.filled(SIZE, 0xFF))
                .refuses(new Tick(), Observation.success());
    }

    @Test
    void clarifiedDurability() {
        Scenario scenario = subscribed(doc()).write(ALPHA, 40, bytes(7, 7, 7));
        scenario.then(new Reboot(3), Observation.quiet()).subscribeAll(ALPHA).read(ALPHA, 39, bytes(0xFF, 7, 7, 7, 0xFF))
                .then(new Restart(ALPHA), Observation.quiet()).subscribeAll(ALPHA).read(ALPHA, 40, bytes(7, 7, 7));
    }

    @Test
    void clarifiedCrash() {
        // A write cut by a reboot leaves its own range unknown, and nothing else changes.
        Scenario cut = subscribed(doc()).write(ALPHA, 0, Bytes.filled(6, 0x33))
                .allowRo(ALPHA, bytes(0x44, 0x44)).accepted(Command.write(ALPHA, 2))
                .then(new Reboot(1), Observation.quiet()).subscribeAll(ALPHA);
        cut.allowRw(ALPHA, 6).accepted(Command.read(ALPHA, 0)).drain()
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 6)),
                        bytes(0x33, 0x00, 0x44, 0x44, 0x33, 0x33)))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 6)),
                        bytes(0x33, 0x33, 0x44, 0x01, 0x33, 0x33)))
                // Reads are stable: what was read is what a later read must show.
                .read(ALPHA, 2, bytes(0x44, 0x01));
        // An allocation cut by a reboot happened or not: both continuations are allowed.
        Scenario allocation = subscribed(doc()).accepted(Command.size(ALPHA)).then(new Reboot(0), Observation.quiet());
        assertEquals(Vector.of(0, 1), allocation.frontier().states().map(state -> state.regions().size()).distinct().sorted());
    }

    @Test
    void clarifiedTransfer() {
        // The tock profile moves at most 512 bytes a command and reports the count.
        subscribed(tock()).allowRo(ALPHA, Bytes.filled(600, 0x12))
                .roundTrip(Command.write(ALPHA, 0), Upcall.success(2, 512), Bytes.empty())
                .allowRw(ALPHA, 600)
                .roundTrip(Command.read(ALPHA, 0), Upcall.success(1, 512),
                        Bytes.of(concat(Bytes.filled(512, 0x12), Bytes.filled(88, 0))));
        // The doc profile moves the whole buffer.
        subscribed(doc()).allowRo(ALPHA, Bytes.filled(600, 0x12))
                .roundTrip(Command.write(ALPHA, 0), Upcall.success(2, 600), Bytes.empty());
    }

    private static byte[] concat(Bytes first, Bytes second) {
        byte[] all = new byte[first.length() + second.length()];
        first.copyTo(0, all, 0, first.length());
        second.copyTo(0, all, first.length(), second.length());
        return all;
    }

    @Test
    void clarifiedEnvironment() {
        doc().only(new Tick(), Observation.quiet()).only(new FlashFault(), Observation.quiet())
                .refuses(new Tick(), Observation.success());
    }

    @Test
    void clarifiedLiveness() {
        // Before a drain the upcall may or may not have arrived; after it, it must have.
        Scenario scenario = subscribed(doc()).accepted(Command.size(ALPHA));
        scenario.cites(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.empty()), Clause.TRD104_YIELD);
        scenario.drain().refuses(new Yield(ALPHA), new Observation.Yielded(Option.none(), Bytes.empty()))
                .upcall(ALPHA, Upcall.success(0, SIZE), Bytes.empty()).idle(ALPHA);
    }

    @Test
    void clarifiedReallow() {
        // Re-allowing the write buffer while the write is pending: either buffer may be the one written, so
        // the count is 2 or 5 and nothing else, and the bytes either may have reached are unknown afterwards.
        Scenario scenario = subscribed(doc()).allowRo(ALPHA, bytes(1, 1)).onlyAccepted(Command.write(ALPHA, 0))
                .cites(new AllowReadOnly(ALPHA, 0, bytes(2, 2, 2, 2, 2)), SUCCESS, Clause.CLARIFIED_REALLOW)
                .only(new AllowReadOnly(ALPHA, 0, bytes(2, 2, 2, 2, 2)), SUCCESS).drain()
                .yieldMayRun(ALPHA, Upcall.success(2, 2), Upcall.success(2, 5))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(2, 5)), Bytes.empty()));
        scenario.allowRw(ALPHA, 6).onlyAccepted(Command.read(ALPHA, 0)).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 6))
                .refuses(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 6)), bytes(1, 2, 3, 4, 5, 0)))
                .then(new Yield(ALPHA), new Observation.Yielded(Option.some(Upcall.success(1, 6)), bytes(1, 2, 3, 4, 5, 0xFF)))
                // ... and reads are stable; the byte past both buffers was never touched.
                .read(ALPHA, 0, bytes(1, 2, 3, 4, 5, 0xFF));
        // Without a re-allow the write has one candidate: count 2, and the bytes are known.
        subscribed(doc()).allowRo(ALPHA, bytes(1, 1)).onlyAccepted(Command.write(ALPHA, 0)).drain()
                .yieldMayRun(ALPHA, Upcall.success(2, 2)).upcall(ALPHA, Upcall.success(2, 2), Bytes.empty())
                .read(ALPHA, 0, bytes(1, 1, 0xFF));
        // A read-write buffer re-allowed empty while the read is pending: its length may be sampled before
        // (count 4, or 0 as copied into the empty buffer) or after the re-allow (RESERVE).
        subscribed(doc()).allowRw(ALPHA, 4).onlyAccepted(Command.read(ALPHA, 0)).allowRw(ALPHA, 0).drain()
                .yieldMayRun(ALPHA, Upcall.success(1, 4), Upcall.success(1, 0), Upcall.error(1, ErrorCode.RESERVE));
    }
}
