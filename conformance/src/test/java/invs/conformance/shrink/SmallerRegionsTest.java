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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        Tuple2<Configuration, Vector<Input>> halved = SmallerRegions.halved(DOC, inputs).head();
        assertEquals(1024, halved._1.regionSize());
        assertEquals(DOC.regionCapacity(), halved._1.regionCapacity(), "as many regions fit");
        assertEquals(Vector.of(new AllowReadWrite(APP, 0, 1024), new AllowReadWrite(APP, 0, 1025),
                new AllowReadWrite(APP, 0, 4), new AllowReadOnly(APP, 0, Bytes.filled(1024, 7)),
                Command.read(APP, 1023), Command.write(APP, 100), new Command(APP, 2, 5, 1), Command.size(APP)), halved._2,
                "the end, one past it and one before it stay so; small values and offsets with a high word stay");
        assertTrue(SmallerRegions.halved(DOC.withRegionSize(1), inputs).isEmpty(), "a region of one byte is the smallest");
        assertTrue(SmallerRegions.halved(DOC.withRegionSize(9), Vector.of(new AllowReadWrite(APP, 0, 4))).forAll(
                candidate -> candidate._1.regionSize() == 5), "an odd size is halved rounding up");
        assertTrue(SmallerRegions.halved(DOC, Vector.of(new AllowReadWrite(APP, 0, 1024))).forAll(candidate ->
                candidate._2.forAll(input -> ((AllowReadWrite) input).length() > 0)), "no candidate empties a buffer");
    }

    /**
     * A mutant that refuses an access ending exactly at the region's end, found on a board's region of
     * {@code size} bytes by a read of {@code length} bytes at {@code offset}: the offset and the length both at
     * the middle, or both in the upper half, or an odd size, shrink too.
     */
    @ParameterizedTest(name = "{2} bytes at {1} of {0}")
    @CsvSource({"2048, 0, 2048", "2048, 1024, 1024", "2048, 1536, 512", "2048, 2032, 16", "9, 4, 5", "9, 8, 1"})
    void aFailureAtTheEndOfARegionShrinksToATinyRegionAndBuffer(int size, int offset, int length) {
        var mutant = Zoo.named("end-at-size-rejected").get();
        Configuration board = DOC.withRegionSize(size);
        Vector<Input> inputs = Vector.of(new Subscribe(APP, 1), new AllowReadWrite(APP, 0, length),
                Command.read(APP, offset), new Drain(), new Yield(APP));
        Run failing = Session.run(board, mutant, Checks.online(), inputs);
        assertTrue(failing.failed(), "the mutant fails the read that ends at the end");
        Run shrunk = new Shrinker((shape, candidate) -> Session.run(shape, mutant, Checks.online(), candidate),
                Duration.ofSeconds(30), true).shrink(failing).run();
        assertTrue(shrunk.configuration().regionSize() <= 2, "regions of " + shrunk.configuration().regionSize());
        assertTrue(shrunk.inputs().forAll(input -> !(input instanceof AllowReadWrite allow) || allow.length() <= 2),
                shrunk.inputs().toString());
        assertEquals(failing.violation().get().key(), shrunk.violation().get().key());
    }
}
