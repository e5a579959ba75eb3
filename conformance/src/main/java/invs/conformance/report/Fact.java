package invs.conformance.report;

/**
 * A labelled value {@code report.html} shows in a list of facts.
 *
 * @param label   what the value is
 * @param value   the value, as text
 * @param command whether the value is a command to copy: shown on one line, never wrapped (a line broken after
 *                {@code --} reads as two commands), scrolled sideways where it is longer than the page is wide
 */
public record Fact(String label, String value, boolean command) {

    /** A fact that is no command. */
    public Fact(String label, String value) {
        this(label, value, false);
    }

    /** A command to copy, labelled {@code label}. */
    public static Fact command(String label, String value) {
        return new Fact(label, value, true);
    }
}
