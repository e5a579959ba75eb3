package invs.spec;

/**
 * A power cycle of the whole board. A flash program or erase in progress is cut after
 * {@code tornBytes} bytes; the specification does not depend on the number, an implementation uses it
 * to decide how much of the interrupted operation reached the chip.
 *
 * @param tornBytes how many bytes of an interrupted flash operation were done
 */
public record Reboot(int tornBytes) implements Event {
    /** Checks the count. */
    public Reboot {
        if (tornBytes < 0) {
            throw new IllegalArgumentException("torn bytes are 0 or more");
        }
    }

    @Override
    public String toString() {
        return "reboot (torn after " + tornBytes + " bytes)";
    }
}
