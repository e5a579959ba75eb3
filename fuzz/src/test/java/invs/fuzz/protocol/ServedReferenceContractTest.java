package invs.fuzz.protocol;

import invs.conformance.junit.ConformanceBudget;
import invs.conformance.junit.ConformanceContract;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.fuzz.ChildJava;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The conformance contract, run against the reference implementation served by {@code invs serve} in a
 * child process and driven through the external adapter: the out-of-process path end to end.
 */
@ConformanceBudget(tries = 20, steps = 120)
class ServedReferenceContractTest extends ConformanceContract {
    private static final ExternalProvider SERVED = new ExternalProvider(ChildJava.serve(), Duration.ofSeconds(5),
            Duration.ofSeconds(30), false);

    @Override
    protected SystemUnderTestFactory factory() {
        return SERVED;
    }

    @Override
    protected String systemName() {
        return "served-reference";
    }

    @AfterAll
    static void stopServers() {
        SERVED.close();
    }
}
