package invs.conformance.explain;

/**
 * One field of an observation that differs from what an allowed outcome lets it be.
 *
 * @param field    the field
 * @param expected what the allowed outcome has there (for buffers, the differing bytes with their offsets)
 * @param observed what the system showed there
 */
public record Difference(Field field, String expected, String observed) {

    /** The difference in one line, for example {@code status: expected 0 (SUCCESS), observed 6 (INVAL)}. */
    public String describe() {
        return field.label() + ": expected " + expected + ", observed " + observed;
    }
}
