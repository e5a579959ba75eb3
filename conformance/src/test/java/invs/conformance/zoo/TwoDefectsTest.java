package invs.conformance.zoo;

import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.CampaignResult;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.DriverNumbers;
import invs.spec.ErrorCode;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two different defects in one system fall into (at least) two causes: the grouping puts the symptoms of
 * one defect together, not the symptoms of two.
 */
class TwoDefectsTest {
    /** Enough tries of the default campaign to find both defects, with time to spare. */
    static final Budget BUDGET = new Budget(120, DefaultCampaign.STEPS, Duration.ofMinutes(2));

    /** The systems with two defects each, as the zoo's mutants have them one by one. */
    enum Pair {
        /** busy-global and size-counts-header. */
        BUSY_AND_SIZE(BusyAndSize::new),
        /** write-count-zero and reserve-check-missing. */
        COUNT_AND_RESERVE(CountAndReserve::new),
        /** end-at-size-rejected and write-done-on-read-number. */
        END_AND_NUMBER(EndAndNumber::new);

        private final Function<Configuration, ReferenceVariant> factory;

        Pair(Function<Configuration, ReferenceVariant> factory) {
            this.factory = factory;
        }
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void twoDefectsAreAtLeastTwoCauses(Pair pair) {
        Mutant both = new Mutant(pair.name().toLowerCase(java.util.Locale.ROOT), BugClass.BOUNDS, "two defects",
                pair.factory::apply);
        for (Profile profile : Profile.values()) {
            CampaignResult result = DefaultCampaign.against(both.name(), both, profile, BoardMode.BOTH, BUDGET.time())
                    .budget(BUDGET)
                    .run();
            assertTrue(result.causes().size() >= 2, profile + ":\n" + result.report());
        }
    }

    private static boolean operation(Input input) {
        return input instanceof Command command && DriverNumbers.isOperation(command.number());
    }

    /** BUSY while another app has an operation outstanding; and the size upcall counts the header. */
    private static final class BusyAndSize extends ReferenceVariant {
        BusyAndSize(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && operation(input) && permitted(command.app().slot(), command.number())
                    && otherOutstanding(command.app().slot())) {
                return Observation.failure(ErrorCode.BUSY);
            }
            Observation answer = forward(input);
            if (input instanceof Yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.exists(found -> found.subscribeNumber() == 0 && found.status() == 0)) {
                return new Observation.Yielded(Option.some(new Upcall(0, 0, upcall.get().arg1() + 12, 0)), buffer);
            }
            return answer;
        }
    }

    /** A successful write reports 0 bytes; a read or write without a buffer succeeds with count 0. */
    private static final class CountAndReserve extends ReferenceVariant {
        CountAndReserve(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            Observation answer = forward(input);
            if (input instanceof Yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.isDefined()) {
                Upcall found = upcall.get();
                if (found.subscribeNumber() == 2 && found.status() == 0
                        || found.status() == ErrorCode.RESERVE.number()) {
                    return new Observation.Yielded(Option.some(Upcall.success(found.subscribeNumber(), 0)), buffer);
                }
            }
            return answer;
        }
    }

    /** An access ending exactly at the region's end is INVAL; write completions arrive on subscribe number 1. */
    private static final class EndAndNumber extends ReferenceVariant {
        EndAndNumber(Configuration configuration) {
            super(configuration);
        }

        @Override
        protected Observation answer(Input input) {
            if (input instanceof Command command && (command.number() == DriverNumbers.READ
                    || command.number() == DriverNumbers.WRITE) && outstanding(command.app().slot()) == null) {
                long offset = offset(command);
                if (offset >= 0 && offset < (1L << 32)
                        && offset + bufferLength(command) == configuration.regionSize() && bufferLength(command) > 0) {
                    return forward(new Command(command.app(), command.number(), configuration.regionSize(), 0));
                }
            }
            Observation answer = forward(input);
            if (input instanceof Yield && answer instanceof Observation.Yielded(Option<Upcall> upcall, var buffer)
                    && upcall.exists(found -> found.subscribeNumber() == 2)) {
                Upcall found = upcall.get();
                return new Observation.Yielded(Option.some(new Upcall(1, found.status(), found.arg1(), found.arg2())),
                        buffer);
            }
            return answer;
        }
    }
}
