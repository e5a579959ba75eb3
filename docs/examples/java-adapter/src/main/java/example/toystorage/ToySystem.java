package example.toystorage;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.ShortId;
import invs.spec.Subscribe;
import invs.spec.Tick;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The adapter: the toy driver as invs drives it. It builds a {@link ToyStorageDriver} for a board's
 * {@link Configuration}, answers each {@link Input} with the {@link Observation} the driver shows, and announces
 * the environment events it supports. Everything it uses of invs is in the {@code sut-api} artifact (and the
 * specification's vocabulary that comes with it).
 */
public final class ToySystem implements SystemUnderTest {
    private final ToyStorageDriver driver;

    /** A fresh toy board with the apps of {@code configuration}. */
    public ToySystem(Configuration configuration) {
        List<ToyStorageDriver.Process> processes = configuration.apps().map(ToySystem::process).toJavaList();
        OptionalInt limit = configuration.transferLimit().map(OptionalInt::of).getOrElse(OptionalInt.empty());
        driver = new ToyStorageDriver(configuration.regionSize(), configuration.regionCapacity(), limit,
                configuration.addressWidth() == AddressWidth.BITS_64, processes);
    }

    private static ToyStorageDriver.Process process(App app) {
        Option<ShortId> owner = app.permissions().writeId();
        return new ToyStorageDriver.Process(owner.map(id -> OptionalLong.of(id.unsigned())).getOrElse(OptionalLong.empty()),
                owner.exists(app.permissions()::mayRead), owner.exists(app.permissions()::mayModify));
    }

    @Override
    public Observation apply(Input input) {
        return switch (input) {
            case Command command -> returned(driver.command(command.app().slot(), command.number(), command.arg1(), command.arg2()));
            case AllowReadOnly allow -> returned(driver.allowReadOnly(allow.app().slot(), allow.number(), allow.data().toArray()));
            case AllowReadWrite allow -> returned(driver.allowReadWrite(allow.app().slot(), allow.number(), allow.length()));
            case Subscribe subscribe -> returned(driver.subscribe(subscribe.app().slot(), subscribe.number(), true));
            case Unsubscribe unsubscribe -> returned(driver.subscribe(unsubscribe.app().slot(), unsubscribe.number(), false));
            case Yield waiting -> new Observation.Yielded(
                    Option.ofOptional(driver.yield(waiting.app().slot()))
                            .map(upcall -> new Upcall(upcall.number(), upcall.status(), upcall.arg1(), 0)),
                    Bytes.of(driver.readBuffer(waiting.app().slot())));
            case Restart restart -> {
                driver.restart(restart.app().slot());
                yield Observation.quiet();
            }
            case Reboot reboot -> {
                driver.reboot();
                yield Observation.quiet();
            }
            case Tick tick -> Observation.quiet();
            case Drain drain -> Observation.quiet();
            default -> throw new UnsupportedOperationException(input + " is not among this system's capabilities");
        };
    }

    /** Every operation completes at once, so ticks and drains have nothing to do, and a reboot never cuts a write. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TICK, Capability.DRAIN, Capability.REBOOT, Capability.RESTART);
    }

    private static Observation returned(int status) {
        return status == ToyStorageDriver.SUCCESS ? Observation.success()
                : Observation.failure(ErrorCode.ofNumber(status).get());
    }
}
