package invs.spec;

/** The next flash operation (read, program or erase) fails; a reboot clears an unused fault. */
public record FlashFault() implements Event {
    @Override
    public String toString() {
        return "flash fault";
    }
}
