package invs.fuzz.guided;

import invs.spec.DriverNumbers;

import invs.conformance.board.NamedConfiguration;
import invs.conformance.sut.Capability;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;

import java.util.Set;

/**
 * Turns any byte string into a configuration and a sequence of inputs: the decoder coverage-guided fuzzing
 * mutates through. The first byte picks the configuration (its low seven bits) and whether the sequence
 * starts by subscribing every app to upcalls 0, 1 and 2 (its high bit clear), as most apps do; then each
 * input takes an opcode byte and a few argument bytes. Lengths and offsets are picked mostly from the values where implementations go wrong
 * (0, the region's size and its neighbours, 512, offsets ending at the region's end, near 2^32), sometimes
 * raw. Events the system does not support become yields. Every byte string decodes, the same way every time.
 */
public final class SequenceDecoder {
    /** The most inputs one byte string decodes to. */
    public static final int MAX_INPUTS = 256;
    private static final int MAX_BUFFER = 4096;
    private static final long TWO_32 = 1L << 32;

    private final Vector<NamedConfiguration> configurations;
    private final Set<Capability> capabilities;

    /** A decoder choosing among {@code configurations}, generating only the events {@code capabilities} allow. */
    public SequenceDecoder(Vector<NamedConfiguration> configurations, Set<Capability> capabilities) {
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("the decoder needs at least one configuration");
        }
        this.configurations = configurations;
        this.capabilities = Set.copyOf(capabilities);
    }

    /** The configuration and inputs {@code data} encodes. */
    public DecodedSequence decode(byte[] data) {
        ByteReader reader = new ByteReader(data);
        int head = reader.next();
        NamedConfiguration named = configurations.get((head & 0x7F) % configurations.size());
        Decoding decoding = new Decoding(named.configuration(), reader);
        Vector<Input> inputs = Vector.empty();
        if ((head & 0x80) == 0) {
            for (int app = 0; app < named.configuration().apps().size(); app++) {
                for (int number = 0; number < DriverNumbers.SUBSCRIBE_NUMBERS; number++) {
                    inputs = inputs.append(new Subscribe(AppId.of(app), number));
                }
            }
        }
        while (!reader.exhausted() && inputs.size() < MAX_INPUTS) {
            inputs = inputs.append(decoding.next());
        }
        return new DecodedSequence(named, inputs);
    }

    /** The state of one decoding: the lengths each app allowed last, to aim offsets at the region's end. */
    private final class Decoding {
        private final ByteReader reader;
        private final int apps;
        private final int size;
        private final int[] readOnly;
        private final int[] readWrite;

        Decoding(Configuration configuration, ByteReader reader) {
            this.reader = reader;
            this.apps = configuration.apps().size();
            this.size = configuration.regionSize();
            this.readOnly = new int[apps];
            this.readWrite = new int[apps];
        }

        Input next() {
            int opcode = reader.below(16);
            AppId app = AppId.of(reader.below(apps));
            return switch (opcode) {
                case 0, 1 -> new Yield(app);
                case 2 -> reader.below(4) == 3 ? new Command(app, 4 + reader.below(250), 0, 0) : Command.exists(app);
                case 3 -> Command.size(app);
                case 4, 5 -> access(app, 2, readWrite[app.slot()]);
                case 6, 7 -> access(app, 3, readOnly[app.slot()]);
                case 8 -> {
                    int length = length();
                    readOnly[app.slot()] = length;
                    yield new AllowReadOnly(app, reader.below(16) == 15 ? 1 : 0, data(length));
                }
                case 9 -> {
                    int length = length();
                    readWrite[app.slot()] = length;
                    yield new AllowReadWrite(app, reader.below(16) == 15 ? 1 : 0, length);
                }
                case 10 -> new Subscribe(app, subscribeNumber());
                case 11 -> new Unsubscribe(app, subscribeNumber());
                case 12 -> event(new Tick(), app);
                case 13 -> event(new Drain(), app);
                case 14 -> reader.below(2) == 0 ? event(new Reboot(torn()), app) : event(new Restart(app), app);
                default -> event(new FlashFault(), app);
            };
        }

        private Input event(Input event, AppId app) {
            boolean supported = switch (event) {
                case Tick tick -> capabilities.contains(Capability.TICK);
                case Drain drain -> capabilities.contains(Capability.DRAIN);
                case Reboot reboot -> capabilities.contains(reboot.tornBytes() > 0 ? Capability.TORN_REBOOT : Capability.REBOOT);
                case Restart restart -> capabilities.contains(Capability.RESTART);
                default -> capabilities.contains(Capability.FLASH_FAULT);
            };
            return supported ? event : new Yield(app);
        }

        private Command access(AppId app, int number, int length) {
            long offset = switch (reader.below(11)) {
                case 0, 1 -> 0;
                case 2 -> Math.max(0, size - length);
                case 3 -> size - length + 1L;
                case 4 -> size;
                case 5 -> size - 1L;
                case 6 -> reader.number(2) % (size + 1L);
                case 7 -> TWO_32 - 1 - reader.below(16);
                case 8 -> TWO_32 + reader.number(1);
                default -> reader.number(8);
            };
            if (offset < 0) {
                offset = 0;
            }
            return new Command(app, number, offset & 0xFFFF_FFFFL, offset >>> 32);
        }

        private int length() {
            int length = switch (reader.below(12)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> size - 1;
                case 3 -> size;
                case 4 -> size + 1;
                case 5 -> 512;
                case 6 -> 513;
                case 7 -> 2 * size;
                case 8, 9 -> 1 + reader.below(32);
                default -> 1 + (int) (reader.number(2) % Math.max(1, size));
            };
            return Math.max(0, Math.min(length, MAX_BUFFER));
        }

        private Bytes data(int length) {
            int first = reader.next();
            int stride = reader.next();
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (first + i * stride);
            }
            return Bytes.of(data);
        }

        private int subscribeNumber() {
            int number = reader.below(8);
            return number < 6 ? number % 3 : 3 + number;
        }

        private int torn() {
            return switch (reader.below(3)) {
                case 0 -> 0;
                case 1 -> 1 + reader.below(16);
                default -> 1 + (int) reader.number(2) % 1024;
            };
        }
    }
}
