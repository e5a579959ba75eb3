package invs.fuzz.progress;

/** How a long task shows its progress on standard error. */
public enum ProgressMode {
    /** A bar when standard error is a terminal, plain lines otherwise. */
    AUTO,
    /** A progress bar redrawn in place. */
    BAR,
    /** A plain line every few seconds (for logs and CI). */
    LINES,
    /** Nothing. */
    NONE
}
