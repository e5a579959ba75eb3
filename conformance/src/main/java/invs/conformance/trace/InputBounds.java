package invs.conformance.trace;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Restart;
import invs.spec.Syscall;
import invs.spec.Yield;
import io.vavr.control.Option;

import java.util.function.IntUnaryOperator;

/**
 * Checks that the inputs and observations a file or a peer supplies can be run: every app a process slot
 * of the configuration, every buffer within the {@link TraceLimits}. Problems are
 * {@link TraceFormatException}s naming the field, such as
 * {@code field input.app: app 3 is not on the board: the configuration has 3 apps (slots 0 to 2)}.
 */
public final class InputBounds {
    private InputBounds() {
    }

    /** What is wrong with {@code input} on {@code configuration}, with fields relative to the input; none if it can run. */
    public static Option<TraceFormatException> problem(Input input, Configuration configuration, TraceLimits limits) {
        return appProblem(input, configuration).orElse(() -> bufferProblem(input, limits));
    }

    /** Whether {@code input} names an app beyond the apps of {@code configuration} (field {@code app}). */
    public static Option<TraceFormatException> appProblem(Input input, Configuration configuration) {
        AppId app = switch (input) {
            case Syscall call -> call.app();
            case Restart restart -> restart.app();
            default -> null;
        };
        int apps = configuration.apps().size();
        if (app == null || app.slot() < apps) {
            return Option.none();
        }
        return Option.some(new TraceFormatException("app", "app " + app.slot() + " is not on the board: the"
                + " configuration has " + apps + (apps == 1 ? " app (slot 0)" : " apps (slots 0 to " + (apps - 1) + ")")));
    }

    /**
     * Whether {@code subject}, an isolation finding's subject app, is beyond the apps of {@code configuration}
     * (field {@code subject}): a board option can give a trace fewer apps than its header's configuration.
     */
    public static Option<TraceFormatException> subjectProblem(Option<Integer> subject, Configuration configuration) {
        int apps = configuration.apps().size();
        return subject.filter(slot -> slot >= apps).map(slot -> new TraceFormatException("subject", "process slot "
                + slot + ", but the configuration has " + apps
                + (apps == 1 ? " app (slot 0)" : " apps (slots 0 to " + (apps - 1) + ")")));
    }

    /** Whether {@code input} holds or asks for a buffer over the limit (field {@code length} or {@code data}). */
    public static Option<TraceFormatException> bufferProblem(Input input, TraceLimits limits) {
        return switch (input) {
            case AllowReadWrite allow -> tooLarge("length", allow.length(), limits);
            case AllowReadOnly allow -> tooLarge("data", allow.data().length(), limits);
            default -> Option.none();
        };
    }

    /** What is wrong with {@code observation}: a yielded buffer over the limit; none if nothing. */
    public static Option<TraceFormatException> problem(Observation observation, TraceLimits limits) {
        return observation instanceof Observation.Yielded yielded
                ? tooLarge("buffer", yielded.readBuffer().length(), limits) : Option.none();
    }

    /**
     * Checks {@code trace} on {@code configuration}: its header's isolation subject (line 1), and every step's
     * input and recorded observation.
     *
     * @param lineOfStep the 1-based line of the step with a 0-based index, for messages
     * @throws TraceFormatException naming the line and the field of the first problem
     */
    public static void checkSteps(Trace trace, Configuration configuration, TraceLimits limits, IntUnaryOperator lineOfStep) {
        subjectProblem(trace.header().subject(), configuration).forEach(problem -> {
            throw problem.at(1, "");
        });
        for (int index = 0; index < trace.length(); index++) {
            TraceStep step = trace.steps().get(index);
            int line = lineOfStep.applyAsInt(index);
            problem(step.input(), configuration, limits).forEach(problem -> {
                throw problem.at(line, "input");
            });
            step.observation().flatMap(observation -> problem(observation, limits)).forEach(problem -> {
                throw problem.at(line, "observation");
            });
        }
    }

    /**
     * Checks that running the inputs of {@code trace} shows at most {@link TraceLimits#maxShown()} bytes of
     * buffers in its yields, counting for each yield the length of the app's last read-write allow 0
     * (a restart or a reboot takes it back), and never leaves more than as many bytes allowed at once
     * ({@link AllowedBuffers}).
     *
     * @throws TraceFormatException naming the line of the yield or the allow that goes past the limit
     */
    public static void checkShown(Trace trace, TraceLimits limits, IntUnaryOperator lineOfStep) {
        AllowedBuffers allowed = new AllowedBuffers(limits);
        long shown = 0;
        for (int index = 0; index < trace.length(); index++) {
            Input input = trace.steps().get(index).input();
            int line = lineOfStep.applyAsInt(index);
            allowed.admit(input).forEach(problem -> {
                throw problem.at(line, "input");
            });
            if (input instanceof Yield yield) {
                shown += allowed.readWrite(yield.app().slot(), 0);
                if (shown > limits.maxShown()) {
                    throw new TraceFormatException(line, "input", "the yields up to this"
                            + " step show " + TraceLimits.size(shown) + " of buffers in all, more than "
                            + TraceLimits.size(limits.maxShown()) + " (" + TraceLimits.SHOWN_BUFFERS
                            + " times the largest buffer, --max-buffer)");
                }
            }
        }
    }

    private static Option<TraceFormatException> tooLarge(String field, long bytes, TraceLimits limits) {
        return bytes > limits.maxBuffer()
                ? Option.some(new TraceFormatException(field, bytes + " bytes is more than the largest buffer allowed, "
                        + TraceLimits.size(limits.maxBuffer()) + " (--max-buffer)"))
                : Option.none();
    }
}
