package invs.conformance.explain;

import invs.conformance.trace.TraceStep;
import invs.spec.Clause;
import invs.spec.Command;
import invs.spec.DriverNumbers;
import invs.spec.ErrorCode;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Upcall;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The clause that governs the field in which an observation differs, rather than the clause of the first
 * answer the specification allowed: an error (return code or upcall status) where it does not apply points
 * at the rule that says when that error applies (a BUSY after the operation completed points at the BUSY
 * rule, which docs/spec.md D4 explains); a SUCCESS where an error was due points at the rule the
 * specification gave for that error; read data at where the bytes came from (a fresh region, durability, a
 * crash); a missing or extra upcall at liveness.
 */
final class GoverningClause {
    private GoverningClause() {
    }

    /** The clause governing {@code difference} at the last step of {@code steps}; {@code fallback} when none is closer. */
    static Clause of(Difference difference, Vector<TraceStep> steps, Clause fallback) {
        TraceStep last = steps.last();
        Input input = last.input();
        Option<Observation> observed = last.observation();
        return switch (difference.field()) {
            case RETURN -> input instanceof Command command && observed.exists(o -> o instanceof Observation.Failure)
                    ? returnClause(command, ((Observation.Failure) observed.get()).code(), fallback) : fallback;
            case STATUS, ARG1, ARG2, UPCALL_NUMBER -> upcall(observed).map(upcall -> statusClause(upcall, difference, fallback))
                    .getOrElse(fallback);
            case UPCALL -> Clause.CLARIFIED_LIVENESS;
            case BUFFER, BUFFER_LENGTH -> input instanceof Yield ? dataClause(steps) : fallback;
            case KIND -> fallback;
        };
    }

    private static Option<Upcall> upcall(Option<Observation> observed) {
        return observed.flatMap(o -> o instanceof Observation.Yielded yielded ? yielded.upcall() : Option.none());
    }

    private static Clause returnClause(Command command, ErrorCode code, Clause fallback) {
        String prefix = DriverNumbers.isOperation(command.number()) ? "COMMAND_" + command.number() + "_" : null;
        if (prefix == null) {
            return fallback;
        }
        return named(prefix + code.name()).getOrElse(fallback);
    }

    private static Clause statusClause(Upcall upcall, Difference difference, Clause fallback) {
        if (!DriverNumbers.isSubscribeNumber(upcall.subscribeNumber())) {
            return Clause.TRD104_SUBSCRIBE;
        }
        String prefix = "SUBSCRIBE_" + upcall.subscribeNumber() + "_";
        if (difference.field() == Field.STATUS) {
            // An error status where it does not apply breaks that error's rule; a SUCCESS where an error was
            // due breaks the rule the specification gave for the error (the closest outcome's clause).
            return upcall.status() != 0 ? named(prefix + ErrorCode.statusName(upcall.status())).getOrElse(fallback)
                    : fallback;
        }
        if (difference.field() == Field.ARG1 && upcall.status() == 0 && upcall.subscribeNumber() != 0) {
            return Clause.CLARIFIED_TRANSFER;
        }
        return named(prefix + "SUCCESS").getOrElse(fallback);
    }

    /**
     * Where read data came from: no write of the app answered SUCCESS before, so the region is fresh; a
     * reboot, restart or flash fault came after the last such write, so a crash may have touched it; else
     * the write itself must persist.
     */
    private static Clause dataClause(Vector<TraceStep> steps) {
        int app = ((Yield) steps.last().input()).app().slot();
        int lastWrite = -1;
        for (int index = 0; index < steps.size() - 1; index++) {
            TraceStep step = steps.get(index);
            if (step.input() instanceof Command command && command.app().slot() == app
                    && command.number() == DriverNumbers.WRITE && step.observation().contains(Observation.success())) {
                lastWrite = index;
            }
        }
        if (lastWrite < 0) {
            return Clause.CLARIFIED_FRESH_REGION;
        }
        boolean interrupted = steps.drop(lastWrite).init().exists(step -> step.input() instanceof Reboot
                || step.input() instanceof FlashFault
                || step.input() instanceof Restart restart && restart.app().slot() == app);
        return interrupted ? Clause.CLARIFIED_CRASH : Clause.CLARIFIED_DURABILITY;
    }

    private static Option<Clause> named(String name) {
        return Vector.of(Clause.values()).find(clause -> clause.name().equals(name));
    }
}
