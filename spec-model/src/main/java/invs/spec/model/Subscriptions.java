package invs.spec.model;

import java.util.StringJoiner;

/**
 * The subscribe numbers an app has subscribed to with a non-null upcall (TRD104_SUBSCRIBE): a set of the
 * driver's numbers (0 size, 1 read done, 2 write done), held as the bits of an int. A value: equal sets are
 * equal, and hashing or comparing one reads one int (every state the specification hashes or compares
 * holds one per app).
 *
 * @param bits bit n set: subscribed to number n
 */
public record Subscriptions(int bits) {
    /** Subscribed to nothing. */
    public static final Subscriptions NONE = new Subscriptions(0);

    /** The set of {@code numbers}. */
    public static Subscriptions of(int... numbers) {
        Subscriptions set = NONE;
        for (int number : numbers) {
            set = set.with(number);
        }
        return set;
    }

    /** Whether {@code number} is subscribed to (false for a number no set holds). */
    public boolean contains(int number) {
        return number >= 0 && number < Integer.SIZE && (bits & 1 << number) != 0;
    }

    /**
     * This set with {@code number}.
     *
     * @throws IllegalArgumentException when {@code number} is negative or above 31
     */
    public Subscriptions with(int number) {
        return new Subscriptions(bits | bit(number));
    }

    /**
     * This set without {@code number}.
     *
     * @throws IllegalArgumentException when {@code number} is negative or above 31
     */
    public Subscriptions without(int number) {
        return new Subscriptions(bits & ~bit(number));
    }

    /** How many numbers are subscribed to. */
    public int size() {
        return Integer.bitCount(bits);
    }

    /** Whether no number is subscribed to. */
    public boolean isEmpty() {
        return bits == 0;
    }

    private static int bit(int number) {
        if (number < 0 || number >= Integer.SIZE) {
            throw new IllegalArgumentException("a subscribe number from 0 to 31: " + number);
        }
        return 1 << number;
    }

    /** The numbers in ascending order, as a set is written: {@code {1, 2}}. */
    @Override
    public String toString() {
        StringJoiner numbers = new StringJoiner(", ", "{", "}");
        for (int number = 0; number < Integer.SIZE; number++) {
            if (contains(number)) {
                numbers.add(Integer.toString(number));
            }
        }
        return numbers.toString();
    }
}
