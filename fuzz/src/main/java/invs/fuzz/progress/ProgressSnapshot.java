package invs.fuzz.progress;

/**
 * How far a long task has got, for a progress display.
 *
 * @param fraction how much of the budget is used, from 0 to 1
 * @param message  the live figures, for example {@code 340 tries · 7.4k syscalls/s · 0 findings}
 */
public record ProgressSnapshot(double fraction, String message) {
}
