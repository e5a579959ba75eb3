package invs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** An app's name is printed in reports and on terminals as it is: it must be a name, not a control sequence. */
class AppTest {
    @Test
    void aNameWithAControlCharacterIsRefused() {
        assertEquals("an app's name has no control characters, got U+001B in it",
                assertThrows(IllegalArgumentException.class, () -> App.selfOnly("a\u001b[31mRED", 0x1001)).getMessage());
        assertEquals("an app's name has no control characters, got U+0007 in it",
                assertThrows(IllegalArgumentException.class, () -> App.selfOnly("bell\u0007", 0x1001)).getMessage());
        assertEquals("an app needs a name",
                assertThrows(IllegalArgumentException.class, () -> App.selfOnly(" ", 0x1001)).getMessage());
        assertEquals("älpha ☃", App.selfOnly("älpha ☃", 0x1001).name(), "any other character is a name's");
    }
}
