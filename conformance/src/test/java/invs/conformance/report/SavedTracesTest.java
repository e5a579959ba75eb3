package invs.conformance.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SavedTracesTest {
    @Test
    void theCountSaysHowManyTracesAreSavedAndPointsAtTheProblemsForTheOthers() {
        assertEquals("every trace is saved under out", new SavedTraces(4, 4).describe("under out", true));
        assertEquals("3 of 4 traces are saved under out; the problems below say why the other could not be written",
                new SavedTraces(3, 4).describe("under out", true));
        assertEquals("1 of 3 traces are saved under out; the problems below say why the others could not be written",
                new SavedTraces(1, 3).describe("under out", true));
        assertEquals("no trace is saved under out; the problems below say why they could not be written",
                new SavedTraces(0, 2).describe("under out", true));
        assertEquals("1 of 2 traces are saved in the shard directories", new SavedTraces(1, 2).describe("in the shard directories", false));
    }
}
