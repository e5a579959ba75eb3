package invs.spec;

/** The system runs until no internal work is left: every accepted operation has completed. */
public record Drain() implements Event {
    @Override
    public String toString() {
        return "drain";
    }
}
