package invs.spec.model;

import static invs.spec.model.Scenario.app;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three libtock-c test apps that upstream Tock runs on hardware (tock-capsule.md), replayed against
 * the specification in both profiles.
 */
class UpstreamAppsTest {
    private static final AppId APP = app(0);
    private static final AppId NO_PERMISSION = app(2);
    private static final int SIZE = 2048;

    private static Scenario board(Profile profile) {
        return new Scenario(Configuration.defaults(profile)).subscribeAll(APP).subscribeAll(NO_PERMISSION);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void invsSingle(Profile profile) {
        Scenario scenario = board(profile)
                .only(Command.exists(APP), Observation.success())
                .roundTrip(Command.size(APP), Upcall.success(0, SIZE), Bytes.empty())
                .read(APP, 0, Bytes.filled(10, 0xFF))
                .allowRw(APP, 0).fails(Command.read(APP, 0), ErrorCode.RESERVE)
                .only(new AllowReadWrite(APP, 0, 0), Observation.success()).fails(Command.read(APP, 0), ErrorCode.RESERVE);
        long[][] outside = {{SIZE - 5, 10}, {SIZE + 10, 10}, {0, SIZE + 1}, {SIZE - 1, 2}};
        for (long[] access : outside) {
            scenario.allowRw(APP, (int) access[1]).fails(Command.read(APP, access[0]), ErrorCode.INVAL);
        }
        scenario.write(APP, 0, Bytes.filled(10, 0x42))
                .only(new AllowReadOnly(APP, 0, Bytes.empty()), Observation.success())
                .fails(Command.write(APP, 0), ErrorCode.RESERVE);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void invsReadWrite(Profile profile) {
        Scenario scenario = board(profile);
        int[][] cases = {{14, 256, 0}, {14, 256, 20}, {512, 512, 0}, {512, 500, SIZE - 512}};
        int round = 0;
        for (int[] testCase : cases) {
            int readLength = testCase[0];
            int writeLength = testCase[1];
            int offset = testCase[2];
            byte[] pattern = new byte[writeLength];
            for (int i = 0; i < writeLength; i++) {
                pattern[i] = (byte) (i + round);
            }
            round++;
            scenario.write(APP, offset, Bytes.of(pattern));
            byte[] expected = new byte[readLength];
            for (int i = 0; i < readLength; i++) {
                expected[i] = i < writeLength ? pattern[i] : (byte) 0xFF;
            }
            scenario.read(APP, offset, Bytes.of(expected));
        }
        scenario.allowRo(APP, Bytes.filled(501, 1)).fails(Command.write(APP, SIZE), ErrorCode.INVAL)
                .allowRo(APP, Bytes.filled(1, 1)).fails(Command.write(APP, SIZE + 1), ErrorCode.INVAL)
                .allowRo(APP, Bytes.filled(512, 1)).fails(Command.write(APP, 0xFFFF_FFFFL), ErrorCode.INVAL);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void invsNoPermission(Profile profile) {
        Scenario scenario = board(profile).only(Command.exists(NO_PERMISSION), Observation.success());
        Observation refused = Observation.failure(ErrorCode.NOSUPPORT);
        for (Command command : new Command[] {Command.size(NO_PERMISSION), Command.read(NO_PERMISSION, 0),
                Command.write(NO_PERMISSION, 0)}) {
            if (profile == Profile.TOCK) {
                scenario.only(command, refused);
            } else {
                scenario.then(command, refused);
            }
        }
        scenario.regions(0);
    }
}
