package invs.spec;

/** The hardware makes one step of internal progress (a flash operation may complete). */
public record Tick() implements Event {
    @Override
    public String toString() {
        return "tick";
    }
}
