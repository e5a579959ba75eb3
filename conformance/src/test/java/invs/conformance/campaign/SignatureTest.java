package invs.conformance.campaign;

import invs.conformance.board.StandardConfigurations;
import invs.conformance.check.Checks;
import invs.conformance.check.Property;
import invs.conformance.check.Session;
import invs.conformance.check.Violation;
import invs.conformance.zoo.Zoo;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Observation;
import invs.spec.Subscribe;
import invs.spec.Yield;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An isolation finding's signature names the field in which the subject's answer differed from what it
 * observes alone, as a lockstep finding's names the field that differed from what the specification allowed.
 */
class SignatureTest {
    private static final Configuration BOARD = StandardConfigurations.docDefault().configuration();
    private static final AppId ALPHA = AppId.of(0);
    private static final AppId BETA = AppId.of(1);

    private static Violation isolation(String mutant, Vector<Input> inputs) {
        return Session.run(BOARD, Zoo.named(mutant).get(), Checks.isolationOf(BETA), inputs).violation()
                .filter(violation -> violation.property() == Property.ISOLATION)
                .getOrElseThrow(() -> new AssertionError(mutant + " keeps the apps apart here"));
    }

    @Test
    void aBufferThatDiffersIsReadAsTheBufferNotAsAMissingUpcall() {
        // alpha's region is looked up by beta's id: alpha's write lands in beta's region, which beta then reads
        Violation violation = isolation("region-of-neighbour", Vector.of(Command.write(BETA, 0),
                new AllowReadOnly(ALPHA, 0, Bytes.of((byte) 0)), Command.write(ALPHA, 5), new Drain(),
                new AllowReadWrite(BETA, 0, 1), Command.read(BETA, 5), new Drain(), new Yield(BETA)));
        assertEquals("no upcall, buffer 1:00", violation.observed().get().toString());
        assertEquals("isolation at yield [buffer bytes]", Signature.of(violation));
    }

    @Test
    void anUpcallThatWentMissingIsReadAsTheUpcall() {
        // beta's size request, accepted while alpha's is outstanding, completes without an upcall
        Violation violation = isolation("waiting-upcall-lost", Vector.of(new Subscribe(BETA, 0), Command.size(BETA),
                new Drain(), new Yield(BETA), Command.size(ALPHA), Command.size(BETA), new Drain(), new Yield(BETA)));
        assertEquals("isolation at yield [upcall: expected one]", Signature.of(violation));
    }

    @Test
    void aPropertyCheckedAgainstNoOneAnswerIsReadAsWhatWasObserved() {
        Violation missing = new Violation(Property.LIVENESS, Option.none(), 3, new Yield(ALPHA),
                Option.some(new Observation.Yielded(Option.none(), Bytes.empty())), "no upcall", Option.none());
        assertEquals("liveness at yield [no upcall]", Signature.of(missing));
    }
}
