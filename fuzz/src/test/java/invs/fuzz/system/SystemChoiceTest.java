package invs.fuzz.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import invs.fuzz.cli.UserError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A system choice reaches a guided campaign's child JVM whole: what {@code encode} writes, {@code decode} reads back. */
class SystemChoiceTest {
    @Test
    void everyChoiceReadsBackAsWritten() {
        List<SystemChoice> choices = List.of(new SystemChoice.Reference(), new SystemChoice.ZooMutant("busy-global"),
                new SystemChoice.Provided("toy"), new SystemChoice.TockCapsule(Duration.ofMillis(1500)),
                new SystemChoice.External("python3 a:b.py --x", Duration.ofMillis(2000), Duration.ofSeconds(20), false,
                        false, false),
                new SystemChoice.External("exec ./server", Duration.ofMillis(700), Duration.ofSeconds(3), true, true, true),
                new SystemChoice.External("./s", Duration.ofMillis(1), Duration.ofMillis(2), false, false, true));
        for (SystemChoice choice : choices) {
            assertEquals(choice, SystemChoice.decode(choice.encode()), choice.encode());
        }
        assertEquals(List.of("--sut-command", "./s", "--sut-timeout", "1ms", "--sut-start-timeout", "2ms",
                "--sut-no-extensions"), choices.get(6).flags());
        assertThrows(UserError.class, () -> SystemChoice.decode("command:2000:20000:false:false:./s"),
                "an encoding of the fields before --sut-no-extensions");
    }
}
