package invs.fuzz.protocol;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs and observations for the tests of the protocol's line encoding: every kind, with the extreme
 * values of each field, and random ones from a fixed seed.
 */
final class ProtocolSamples {
    private static final long U32 = 0xFFFF_FFFFL;

    private ProtocolSamples() {
    }

    /** Every kind of input at the edges of its fields, then {@code random} random ones. */
    static List<Input> inputs(int random) {
        List<Input> inputs = new ArrayList<>();
        AppId last = AppId.of(Integer.MAX_VALUE);
        for (AppId app : List.of(AppId.of(0), AppId.of(1), last)) {
            for (int number : new int[] {0, 3, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                inputs.add(new Command(app, number, 0, U32));
                inputs.add(new Command(app, number, U32, 0));
                inputs.add(new AllowReadOnly(app, number, Bytes.empty()));
                inputs.add(new AllowReadOnly(app, number, everyByte()));
                inputs.add(new AllowReadWrite(app, number, 0));
                inputs.add(new AllowReadWrite(app, number, Integer.MAX_VALUE));
                inputs.add(new Subscribe(app, number));
                inputs.add(new Unsubscribe(app, number));
            }
            inputs.add(new Yield(app));
            inputs.add(new Restart(app));
        }
        inputs.addAll(List.of(new Tick(), new Drain(), new FlashFault(), new Reboot(0), new Reboot(Integer.MAX_VALUE)));
        Random draw = new Random(0x50004);
        for (int i = 0; i < random; i++) {
            AppId app = AppId.of(draw.nextInt(1 << draw.nextInt(31)));
            int number = draw.nextInt();
            inputs.add(switch (draw.nextInt(6)) {
                case 0 -> new Command(app, number, draw.nextLong(U32 + 1), draw.nextLong(U32 + 1));
                case 1 -> new AllowReadOnly(app, number, bytes(draw));
                case 2 -> new AllowReadWrite(app, number, draw.nextInt(Integer.MAX_VALUE));
                case 3 -> new Subscribe(app, number);
                case 4 -> new Unsubscribe(app, number);
                default -> new Reboot(draw.nextInt(Integer.MAX_VALUE));
            });
        }
        return inputs;
    }

    /** Every kind of observation at the edges of its fields, then {@code random} random ones. */
    static List<Observation> observations(int random) {
        List<Observation> observations = new ArrayList<>(List.of(Observation.success(), Observation.quiet()));
        for (ErrorCode code : ErrorCode.values()) {
            observations.add(Observation.failure(code));
        }
        for (long value : new long[] {0, 1, -1, 9, 10, 99, 100, 2048, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, U32,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            observations.add(new Observation.Yielded(Option.some(new Upcall((int) value, value, value, value)), Bytes.empty()));
            observations.add(new Observation.Yielded(Option.some(new Upcall(Integer.MIN_VALUE, value, -value, 0)),
                    everyByte()));
        }
        observations.add(new Observation.Yielded(Option.none(), Bytes.empty()));
        observations.add(new Observation.Yielded(Option.none(), everyByte()));
        Random draw = new Random(0x50005);
        for (int i = 0; i < random; i++) {
            Option<Upcall> upcall = draw.nextBoolean() ? Option.none()
                    : Option.some(new Upcall(draw.nextInt(), draw.nextLong(), draw.nextLong(), draw.nextLong()));
            observations.add(new Observation.Yielded(upcall, bytes(draw)));
        }
        return observations;
    }

    private static Bytes everyByte() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return Bytes.of(data);
    }

    private static Bytes bytes(Random draw) {
        byte[] data = new byte[draw.nextInt(40)];
        draw.nextBytes(data);
        return Bytes.of(data);
    }
}
