package invs.conformance.shadow;

import invs.spec.AddressWidth;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.Profile;
import io.vavr.control.Option;

/**
 * The offset a read or write command names, as the clarified document forms it from the two argument
 * words (docs/spec.md, D8): {@code arg1 | arg2 << 32} on a 64-bit kernel; on a 32-bit kernel {@code arg1},
 * with a nonzero {@code arg2} out of range in the {@code doc} profile and ignored in {@code tock}.
 */
public final class AccessOffset {
    private AccessOffset() {
    }

    /** The offset {@code command} names on {@code configuration}, none when it is out of range whatever the size. */
    public static Option<Long> of(Configuration configuration, Command command) {
        if (configuration.addressWidth() == AddressWidth.BITS_64) {
            return Option.some(command.arg1() | command.arg2() << 32);
        }
        if (configuration.profile() == Profile.DOC && command.arg2() != 0) {
            return Option.none();
        }
        return Option.some(command.arg1());
    }
}
