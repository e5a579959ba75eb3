package invs.conformance.campaign;

import invs.conformance.check.Forecast;
import invs.conformance.check.Session;
import invs.conformance.generation.InputGenerator;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.sut.SystemUnderTest;
import invs.spec.Configuration;
import invs.spec.Input;
import invs.spec.Observation;
import io.vavr.collection.Vector;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The batches of a try against a system that pipelines, generated before the answers to the batches
 * before them have been judged: the generator learns from a forecast of each answer instead of the
 * answer. The forecast is the reference implementation's answer, which is what the generator learns from
 * in a campaign in process: a system that answers as the reference does gets the very inputs the same try
 * would get in process (on a board the reference does not build, the specification forecasts from the
 * start). Once a batch has been judged, its answers are compared with what was forecast;
 * where the system answered otherwise (the specification allowed several answers, or none), the forecast
 * becomes the session's {@link Forecast}, from a state of the specification consistent with the answers
 * judged, and goes through the batches sent since.
 */
final class AimedBatches {
    private static final ReferenceProvider REFERENCE = new ReferenceProvider();
    private final Session session;
    private final InputGenerator generator;
    private final Deque<Batch> unjudged = new ArrayDeque<>();
    /** The reference implementation, forecasting until the system answers otherwise; then null. */
    private SystemUnderTest reference;
    /**
     * The specification's forecast, once the system answered otherwise than the reference (from the
     * start, on a board the reference does not build).
     */
    private Forecast forecast;
    private int realigned;

    /** A batch sent and what the forecast said the system would answer. */
    private record Batch(Vector<Input> inputs, Vector<Observation> forecast) {
    }

    AimedBatches(Session session, InputGenerator generator) {
        this.session = session;
        this.generator = generator;
        Configuration configuration = session.configuration();
        if (REFERENCE.supports(configuration)) {
            this.reference = REFERENCE.create(configuration);
        } else {
            // a board the reference does not build (one of another reading): the specification forecasts
            this.forecast = session.frontier().map(Forecast::from).getOrElse(() -> Forecast.fromPowerOn(configuration));
        }
    }

    /** Generates the next {@code size} inputs, aimed by the forecast, and sends them to the session. */
    void send(int size) {
        Input[] inputs = new Input[size];
        Observation[] predicted = new Observation[size];
        for (int at = 0; at < size; at++) {
            Input input = generator.next();
            Observation observation = reference != null ? reference.apply(input) : forecast.next(input);
            generator.observe(input, observation);
            inputs[at] = input;
            predicted[at] = observation;
        }
        Vector<Input> batch = Vector.of(inputs);
        Vector<Observation> forecast = Vector.of(predicted);
        unjudged.add(new Batch(batch, forecast));
        session.send(batch, forecast);
    }

    /**
     * Has the session judge the oldest batch sent; when it was judged to its end and answered otherwise
     * than forecast, starts the forecast again from the session's frontier. Returns whether the try goes on
     * (no violation, not beyond the frontier bound).
     */
    boolean judge() {
        Batch batch = unjudged.poll();
        int first = session.stepCount();
        if (session.judgeSent().isDefined() || session.beyondBound() || session.stopped()) {
            return false;
        }
        if (session.frontier().isDefined() && !answeredAsForecast(batch, first)) {
            close();
            forecast = Forecast.from(session.frontier().get());
            realigned++;
            for (Batch later : unjudged) {
                later.inputs().forEach(forecast::next);
            }
        }
        return true;
    }

    /** How many batches sent wait to be judged. */
    int unjudged() {
        return unjudged.size();
    }

    /** Stops the reference implementation's forecast, if it still runs. */
    void close() {
        if (reference != null) {
            reference.close();
            reference = null;
        }
    }

    /** Whether the reference implementation still forecasts (the system has answered as it did). */
    boolean followsReference() {
        return reference != null;
    }

    /** How many times the forecast started again from the frontier. */
    int realigned() {
        return realigned;
    }

    private boolean answeredAsForecast(Batch batch, int first) {
        for (int at = 0; at < batch.inputs().size(); at++) {
            if (!session.observation(first + at).contains(batch.forecast().get(at))) {
                return false;
            }
        }
        return true;
    }
}
