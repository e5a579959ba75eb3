package invs.conformance.check;

import invs.spec.AppId;
import invs.spec.Command;
import invs.spec.Drain;
import invs.spec.DriverNumbers;
import invs.spec.FlashFault;
import invs.spec.Input;
import invs.spec.Reboot;
import invs.spec.Restart;
import invs.spec.Syscall;
import io.vavr.collection.Vector;

/**
 * The shape of an isolation scenario (checked by {@link Property#ISOLATION}): a subject app runs a program
 * of blocks (allows, one command, a drain, yields), interleaved with noise from the other apps (any system
 * call, ticks, restarts of other apps). The program, run again without the noise, must show the subject
 * the same observations.
 *
 * <p>A scenario is <em>well formed</em> when nothing legitimate can make the two runs differ: the
 * subject's first command comes before any other app's command (so the noise cannot take the space it
 * allocates into); between each subject command and the subject's next input (or a reboot) there is a
 * drain; the noise holds no flash faults, and no reboot lies between a subject command and its drain.
 * Every prefix of a well-formed scenario is well formed, so a difference within the well-formed prefix of
 * a sequence is a violation whatever follows.
 */
public final class Isolation {
    private final AppId subject;
    private boolean subjectCommanded;
    private boolean awaitingDrain;
    private boolean formed = true;

    /** The shape of a scenario for {@code subject}, before its first input. */
    public Isolation(AppId subject) {
        this.subject = subject;
    }

    /** A copy of this shape, to look at inputs ahead without taking them here. */
    Isolation copy() {
        Isolation copy = new Isolation(subject);
        copy.subjectCommanded = subjectCommanded;
        copy.awaitingDrain = awaitingDrain;
        copy.formed = formed;
        return copy;
    }

    /** Takes the next input; false (from then on) once the scenario is no longer well formed. */
    public boolean accept(Input input) {
        formed = formed && fits(input);
        return formed;
    }

    private boolean fits(Input input) {
        switch (input) {
            case FlashFault fault -> {
                return false;
            }
            case Drain drain -> awaitingDrain = false;
            case Reboot reboot -> {
                return !awaitingDrain;
            }
            case Restart restart when restart.app().equals(subject) -> {
                return !awaitingDrain;
            }
            case Syscall syscall when syscall.app().equals(subject) -> {
                if (awaitingDrain) {
                    return false;
                }
                if (syscall instanceof Command command && DriverNumbers.isOperation(command.number())) {
                    subjectCommanded = true;
                    awaitingDrain = true;
                }
            }
            case Command command when DriverNumbers.isOperation(command.number()) -> {
                return subjectCommanded;
            }
            default -> {
            }
        }
        return true;
    }

    /** Whether {@code inputs} is a well-formed scenario for {@code subject}. */
    public static boolean wellFormed(Vector<Input> inputs, AppId subject) {
        Isolation shape = new Isolation(subject);
        return inputs.forAll(shape::accept);
    }

    /** Whether {@code input} belongs to the subject's program (what runs again without the noise). */
    public static boolean inProgram(Input input, AppId subject) {
        return switch (input) {
            case Syscall syscall -> syscall.app().equals(subject);
            case Restart restart -> restart.app().equals(subject);
            case Drain drain -> true;
            case Reboot reboot -> true;
            default -> false;
        };
    }

    /** Whether {@code input} is one of the subject's system calls, whose observations are compared. */
    public static boolean observedBySubject(Input input, AppId subject) {
        return input instanceof Syscall syscall && syscall.app().equals(subject);
    }

    /** The subject's program: {@code inputs} without the noise. */
    public static Vector<Input> program(Vector<Input> inputs, AppId subject) {
        return inputs.filter(input -> inProgram(input, subject));
    }
}
