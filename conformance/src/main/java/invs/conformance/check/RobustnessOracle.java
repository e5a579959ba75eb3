package invs.conformance.check;

import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.control.Option;

/** {@link Property#ROBUSTNESS}: every input is answered; a system that throws (or whose server fails) breaks it. */
final class RobustnessOracle implements Oracle {

    @Override
    public Option<Violation> check(int step, Input input, Observation observation) {
        return Option.none();
    }

    @Override
    public Option<Violation> unanswered(int step, Input input, RuntimeException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return Option.some(new Violation(Property.ROBUSTNESS, Option.none(), step, input, Option.none(),
                "input:    " + input + "\nfailed:   " + message, Option.none()));
    }
}
