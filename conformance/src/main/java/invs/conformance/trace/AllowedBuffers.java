package invs.conformance.trace;

import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import io.vavr.control.Option;

import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of buffers a run of inputs leaves allowed at once, so that a few short requests cannot make
 * a system hold gigabytes: each {@code allow-rw} and {@code allow-ro} is within {@link TraceLimits#maxBuffer()},
 * but four hundred apps allowing a buffer of a mebibyte each hold 400 MiB. A system keeps each app's
 * buffer until the app allows another under the same number, restarts, or the board reboots; this counts
 * them the same way, and refuses an allow that would take the total past {@link TraceLimits#maxShown()}
 * ({@value TraceLimits#SHOWN_BUFFERS} largest buffers), far beyond what any campaign's boards allow.
 */
public final class AllowedBuffers {
    private final TraceLimits limits;
    /** The length of each buffer allowed, by app slot, kind and number. */
    private final Map<Key, Integer> allowed = new HashMap<>();
    private long total;

    private record Key(int slot, boolean readWrite, int number) {
    }

    /** No buffer allowed yet, within {@code limits}. */
    public AllowedBuffers(TraceLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts {@code input}, unless it is an allow that would take the bytes allowed at once past the limit:
     * then counts nothing and says why (field {@code length} or {@code data}).
     */
    public Option<TraceFormatException> admit(Input input) {
        switch (input) {
            case AllowReadWrite allow -> {
                return allow(new Key(allow.app().slot(), true, allow.number()), allow.length(), "length");
            }
            case AllowReadOnly allow -> {
                return allow(new Key(allow.app().slot(), false, allow.number()), allow.data().length(), "data");
            }
            case Restart restart -> allowed.entrySet().removeIf(entry -> {
                boolean gone = entry.getKey().slot() == restart.app().slot();
                total -= gone ? entry.getValue() : 0;
                return gone;
            });
            case Reboot reboot -> {
                allowed.clear();
                total = 0;
            }
            default -> {
            }
        }
        return Option.none();
    }

    /** The length of the buffer {@code slot}'s app allows under read-write allow {@code number}; 0 when none. */
    public int readWrite(int slot, int number) {
        return allowed.getOrDefault(new Key(slot, true, number), 0);
    }

    /** The bytes allowed now, over every app. */
    public long total() {
        return total;
    }

    private Option<TraceFormatException> allow(Key key, int length, String field) {
        long after = total - allowed.getOrDefault(key, 0) + length;
        if (after > limits.maxShown()) {
            return Option.some(new TraceFormatException(field, "the buffers allowed at once would hold "
                    + TraceLimits.size(after) + " in all, more than " + TraceLimits.size(limits.maxShown()) + " ("
                    + TraceLimits.SHOWN_BUFFERS + " times the largest buffer, --max-buffer)"));
        }
        total = after;
        allowed.put(key, length);
        return Option.none();
    }
}
