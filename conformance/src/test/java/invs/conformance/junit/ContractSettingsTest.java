package invs.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

class ContractSettingsTest {
    @ConformanceBudget(tries = 7, steps = 11, seconds = 13, seed = "0x2a")
    static final class Annotated {
    }

    @Test
    void theAnnotationSetsTheBudgetAndSeed() {
        ContractSettings settings = ContractSettings.of(Annotated.class, new Properties());
        assertEquals(7, settings.budget().tries());
        assertEquals(11, settings.budget().steps());
        assertEquals(Duration.ofSeconds(13), settings.budget().time());
        assertEquals(42, settings.seed());
        assertEquals(Path.of("target/invs-findings"), settings.traces());
    }

    @Test
    void systemPropertiesOverrideIt() {
        Properties properties = new Properties();
        properties.setProperty("invs.tries", "3");
        properties.setProperty("invs.steps", "4");
        properties.setProperty("invs.seconds", "5");
        properties.setProperty("invs.seed", "99");
        properties.setProperty("invs.traces", "elsewhere");
        ContractSettings settings = ContractSettings.of(Annotated.class, properties);
        assertEquals(3, settings.budget().tries());
        assertEquals(4, settings.budget().steps());
        assertEquals(Duration.ofSeconds(5), settings.budget().time());
        assertEquals(99, settings.seed());
        assertEquals(Path.of("elsewhere"), settings.traces());
    }

    @Test
    void withoutAnAnnotationTheDefaultsApplyWithAFixedSeed() {
        ContractSettings settings = ContractSettings.of(Object.class, new Properties());
        assertEquals(60, settings.budget().tries());
        assertEquals(150, settings.budget().steps());
        assertEquals(0x50004, settings.seed());
    }

    @Test
    void seedsAreDecimalHexadecimalOrRandom() {
        assertEquals(42, ContractSettings.parseSeed("42"));
        assertEquals(0x50004, ContractSettings.parseSeed("0x50004"));
        assertEquals(-1, ContractSettings.parseSeed("0xffffffffffffffff"));
        assertNotEquals(ContractSettings.parseSeed("random"), ContractSettings.parseSeed("random"));
    }
}
