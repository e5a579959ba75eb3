package invs.conformance.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.conformance.check.Checks;
import invs.conformance.check.Run;
import invs.conformance.check.Session;
import invs.conformance.zoo.Zoo;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Drain;
import invs.spec.Input;
import invs.spec.Profile;
import invs.spec.Subscribe;
import invs.spec.Yield;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Regions halved with the inputs moved along: offsets and lengths keep their distance to the nearer end of the
 * region, so a failure at a region's end shrinks to regions of a byte or two and buffers to match.
 */
class SmallerRegionsTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final AppId APP = AppId.of(0);

    @Test
    void offsetsAndLengthsKeepTheirDistanceToTheNearerEnd() {
        Vector<Input> inputs = Vector.of(new AllowReadWrite(APP, 0, 2048), new AllowReadWrite(APP, 0, 2049),
                new AllowReadWrite(APP, 0, 4), new AllowReadOnly(APP, 0, Bytes.filled(2048, 7)),
                Command.read(APP, 2047), Command.write(APP, 100), new Command(APP, 2, 5, 1), Command.size(APP));
        Tuple2<Configuration, Vector<Input>> halved = SmallerRegions.halved(DOC, inputs).get();
        assertEquals(1024, halved._1.regionSize());
        assertEquals(DOC.regionCapacity(), halved._1.regionCapacity(), "as many regions fit");
        assertEquals(Vector.of(new AllowReadWrite(APP, 0, 1024), new AllowReadWrite(APP, 0, 1025),
                new AllowReadWrite(APP, 0, 4), new AllowReadOnly(APP, 0, Bytes.filled(1024, 7)),
                Command.read(APP, 1023), Command.write(APP, 100), new Command(APP, 2, 5, 1), Command.size(APP)), halved._2,
                "the end, one past it and one before it stay so; small values and offsets with a high word stay");
        assertTrue(SmallerRegions.halved(DOC.withRegionSize(1), inputs).isEmpty(), "a region of one byte is the smallest");
    }

    /** A mutant that refuses an access ending exactly at the region's end, found on the default board. */
    @Test
    void aFailureAtTheEndOfARegionShrinksToATinyRegionAndBuffer() {
        var mutant = Zoo.named("end-at-size-rejected").get();
        Vector<Input> inputs = Vector.of(new Subscribe(APP, 1), new AllowReadWrite(APP, 0, 2048), Command.read(APP, 0),
                new Drain(), new Yield(APP));
        Run failing = Session.run(DOC, mutant, Checks.online(), inputs);
        assertTrue(failing.failed(), "the mutant fails the read that ends at the end");
        Run shrunk = new Shrinker((board, candidate) -> Session.run(board, mutant, Checks.online(), candidate),
                Duration.ofSeconds(30), true).shrink(failing).run();
        assertTrue(shrunk.configuration().regionSize() <= 2, "regions of " + shrunk.configuration().regionSize());
        assertTrue(shrunk.inputs().forAll(input -> !(input instanceof AllowReadWrite allow) || allow.length() <= 2),
                shrunk.inputs().toString());
        assertEquals(failing.violation().get().key(), shrunk.violation().get().key());
    }
}
