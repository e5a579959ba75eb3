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
import invs.spec.Subscribe;
import invs.spec.Unsubscribe;
import invs.spec.Upcall;
import invs.spec.Yield;
import invs.spec.model.Outcome;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The clause that governs the field in which an observation differs, rather than the clause of the first
 * answer the specification allowed: an error (return code or upcall status) where SUCCESS was allowed
 * points at the rule that says when that error applies (a BUSY after the operation completed points at the
 * BUSY rule, which docs/spec.md D4 explains; an INVAL where SUCCESS or a flash fault's FAIL were allowed at
 * the INVAL rule), and so does one where only errors were allowed that comes before them in the order of
 * docs/spec.md D11 ({@link ErrorPrecedence}: it cannot have applied); an error that comes after an error
 * due points at the rule the specification gave for the error due that comes last before it in that order
 * (the check skipped; not a flash fault's FAIL, which a tie makes the closest outcome): its condition holds, and when the other's holds too, D11
 * orders them (a write without permission answered NOMEM on a full storage breaks the permission rule, not
 * NOMEM's); a SUCCESS where an error was due at the rule of the error due (the closest outcome's clause); read data
 * at where the bytes came from (a fresh region, durability, a crash); an upcall delivered after its app
 * subscribed to its number again at the subscribe rule of TRD104 (which drops queued upcalls); any other
 * missing or extra upcall at liveness.
 */
final class GoverningClause {
    private GoverningClause() {
    }

    /**
     * The clause governing {@code difference} from {@code closest}, the closest of the outcomes {@code allowed},
     * at the last step of {@code steps}; the closest outcome's clause when none is closer.
     */
    static Clause of(Difference difference, Vector<TraceStep> steps, Outcome closest, Vector<Outcome> allowed) {
        Clause fallback = closest.clause();
        TraceStep last = steps.last();
        Input input = last.input();
        Option<Observation> observed = last.observation();
        return switch (difference.field()) {
            case RETURN -> input instanceof Command command && observed.exists(o -> o instanceof Observation.Failure)
                    ? returnClause(command, ((Observation.Failure) observed.get()).code(), allowed, fallback) : fallback;
            case STATUS, ARG1, ARG2, UPCALL_NUMBER -> upcall(observed)
                    .map(upcall -> statusClause(upcall, difference, allowed, fallback))
                    .getOrElse(fallback);
            case UPCALL -> resubscribed(steps) ? Clause.TRD104_SUBSCRIBE : Clause.CLARIFIED_LIVENESS;
            case BUFFER -> input instanceof Yield ? dataClause(steps) : fallback;
            // a yield shows the app's read-write allow 0 buffer, as long as it was allowed: a length is no data
            case BUFFER_LENGTH -> input instanceof Yield ? Clause.ALLOW_RW_0 : fallback;
            case KIND -> fallback;
        };
    }

    /**
     * Whether the last of {@code steps} is a yield that showed an upcall (where the specification allowed
     * none) whose app subscribed to that upcall's number again, or unsubscribed from it, after it last asked
     * for the operation behind it: a successful subscribe drops the upcalls queued for its number (TRD104
     * 4.2), so one still delivered breaks that rule, not liveness's.
     */
    private static boolean resubscribed(Vector<TraceStep> steps) {
        TraceStep last = steps.last();
        Option<Upcall> seen = upcall(last.observation());
        if (!(last.input() instanceof Yield yield) || seen.isEmpty()
                || !DriverNumbers.isSubscribeNumber(seen.get().subscribeNumber())) {
            return false;
        }
        int number = seen.get().subscribeNumber();
        for (int index = steps.size() - 2; index >= 0; index--) {
            TraceStep step = steps.get(index);
            boolean succeeded = step.observation().contains(Observation.success());
            switch (step.input()) {
                case Command command when command.app().equals(yield.app())
                        && command.number() == DriverNumbers.commandOf(number) && succeeded -> {
                    return false;
                }
                case Subscribe subscribe when subscribe.app().equals(yield.app()) && subscribe.number() == number
                        && succeeded -> {
                    return true;
                }
                case Unsubscribe unsubscribe when unsubscribe.app().equals(yield.app()) && unsubscribe.number() == number
                        && succeeded -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static Option<Upcall> upcall(Option<Observation> observed) {
        return observed.flatMap(o -> o instanceof Observation.Yielded yielded ? yielded.upcall() : Option.none());
    }

    /**
     * The clause of a command that answered {@code code}: the rule of {@code code}, unless only errors were
     * allowed and {@code code} comes after one of them in D11's order, then the clause of the one of those just
     * before it.
     */
    private static Clause returnClause(Command command, ErrorCode code, Vector<Outcome> allowed, Clause fallback) {
        String prefix = DriverNumbers.isOperation(command.number()) ? "COMMAND_" + command.number() + "_" : null;
        if (prefix == null) {
            return fallback;
        }
        Vector<Tuple2<ErrorCode, Clause>> due = returnsDue(allowed);
        if (ErrorPrecedence.RETURNS.after(code, due.map(Tuple2::_1))) {
            return ErrorPrecedence.RETURNS.nearestBefore(code, due);
        }
        return named(prefix + code.name()).getOrElse(fallback);
    }

    /**
     * The errors the commands' answers {@code allowed} would all have been, each with its outcome's clause, or
     * none when one was not an error.
     */
    private static Vector<Tuple2<ErrorCode, Clause>> returnsDue(Vector<Outcome> allowed) {
        Vector<Tuple2<Observation, Clause>> answers = allowed.map(outcome -> Tuple.of(outcome.expected().example(0),
                outcome.clause()));
        return answers.forAll(answer -> answer._1 instanceof Observation.Failure)
                ? answers.map(answer -> Tuple.of(((Observation.Failure) answer._1).code(), answer._2)) : Vector.empty();
    }

    /**
     * The errors the upcalls numbered {@code number} of the answers {@code allowed} carry, each with its
     * outcome's clause, or none when one of them carries SUCCESS.
     */
    private static Vector<Tuple2<ErrorCode, Clause>> statusesDue(Vector<Outcome> allowed, int number) {
        Vector<Tuple2<Upcall, Clause>> upcalls = allowed.flatMap(outcome -> upcall(Option.some(outcome.expected().example(0)))
                .filter(due -> due.subscribeNumber() == number).map(due -> Tuple.of(due, outcome.clause())));
        return upcalls.exists(due -> due._1.status() == 0) ? Vector.empty()
                : upcalls.flatMap(due -> ErrorCode.ofNumber(due._1.status()).map(code -> Tuple.of(code, due._2)));
    }

    private static Clause statusClause(Upcall upcall, Difference difference, Vector<Outcome> allowed, Clause fallback) {
        if (!DriverNumbers.isSubscribeNumber(upcall.subscribeNumber())) {
            return Clause.TRD104_SUBSCRIBE;
        }
        String prefix = "SUBSCRIBE_" + upcall.subscribeNumber() + "_";
        if (difference.field() == Field.STATUS) {
            // An error status where SUCCESS was allowed, or before the errors due, breaks that error's rule; an
            // error after one due breaks the rule of the error due just before it; a SUCCESS where an error was due
            // breaks the rule the specification gave for the error due (the closest outcome's clause).
            if (upcall.status() == 0) {
                return fallback;
            }
            Vector<Tuple2<ErrorCode, Clause>> due = statusesDue(allowed, upcall.subscribeNumber());
            Option<ErrorCode> shown = ErrorCode.ofNumber(upcall.status());
            if (shown.exists(error -> ErrorPrecedence.STATUSES.after(error, due.map(Tuple2::_1)))) {
                return ErrorPrecedence.STATUSES.nearestBefore(shown.get(), due);
            }
            return named(prefix + ErrorCode.statusName(upcall.status())).getOrElse(fallback);
        }
        if (difference.field() == Field.ARG1 && upcall.status() == 0 && upcall.subscribeNumber() != 0) {
            return Clause.CLARIFIED_TRANSFER;
        }
        return named(prefix + "SUCCESS").getOrElse(fallback);
    }

    /**
     * Where read data came from: no write of the app answered SUCCESS before, so the region is fresh; a
     * reboot, restart or flash fault came after the last such write before its completion was shown (its
     * write-done upcall with SUCCESS, seen by a yield of the app), so a crash may have touched it; else the
     * write itself must persist, across reboots and restarts too.
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
        Vector<TraceStep> after = steps.drop(lastWrite + 1).init();
        int done = after.indexWhere(step -> step.input() instanceof Yield yield && yield.app().slot() == app
                && step.observation().exists(observation -> observation instanceof Observation.Yielded yielded
                && yielded.upcall().exists(upcall -> upcall.subscribeNumber() == WRITE_DONE && upcall.status() == 0)));
        boolean interrupted = (done < 0 ? after : after.take(done)).exists(step -> step.input() instanceof Reboot
                || step.input() instanceof FlashFault
                || step.input() instanceof Restart restart && restart.app().slot() == app);
        return interrupted ? Clause.CLARIFIED_CRASH : Clause.CLARIFIED_DURABILITY;
    }

    /** The subscribe number of the write-done upcall. */
    private static final int WRITE_DONE = 2;

    private static Option<Clause> named(String name) {
        return Vector.of(Clause.values()).find(clause -> clause.name().equals(name));
    }
}
