package invs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExploreCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ExploreCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theSpecificationKeepsItsPropertiesWithinTheBound() {
        Run run = run("--depth", "3");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("depth 3 completed"), run.out());
        assertTrue(run.out().contains("0 violation(s)"), run.out());
    }

    @Test
    void theReferenceAgreesOnEveryExploredTransition() {
        Run run = run("--depth", "3", "--lockstep");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("0 divergence(s)"), run.out());
    }

    @Test
    void aMutantIsCaughtWithItsSequence() {
        Run run = run("--depth", "3", "--mutant", "size-counts-header");
        assertEquals(Main.FINDING, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("divergence after"), run.out());
        assertTrue(run.out().contains("SUBSCRIBE_0_SUCCESS"), run.out());
    }

    @Test
    void badBoundsAreAUsageError() {
        assertEquals(Main.USAGE, Main.run("explore", "--apps", "9"));
    }
}
