package invs.conformance.explain;

import invs.spec.Clause;
import invs.spec.ErrorCode;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

/**
 * The order in which the errors of commands 1–3 and of their upcalls apply (docs/spec.md D11: the first that
 * applies is the answer), which tells two readings of an error shown where another was due apart. An error
 * that comes after the one due may hold as well, and the rule broken is then the order, that is the rule of
 * the error due (a write without permission answered NOMEM on a full storage); an error that comes before
 * the one due cannot have held, or the specification would have wanted it, so the rule it breaks is its own
 * (a read answered NOMEM where only its missing buffer applied). FAIL, which a flash fault may put in the
 * place of any upcall status, has no place in either order.
 */
enum ErrorPrecedence {
    /** The synchronous answers of commands 1–3, first to last. */
    RETURNS(Vector.of(ErrorCode.NOSUPPORT, ErrorCode.NOMEM, ErrorCode.BUSY)),
    /** The statuses of the upcalls of commands 1–3, first to last. */
    STATUSES(Vector.of(ErrorCode.NOSUPPORT, ErrorCode.NOMEM, ErrorCode.RESERVE, ErrorCode.INVAL));

    private final Vector<ErrorCode> order;

    ErrorPrecedence(Vector<ErrorCode> order) {
        this.order = order;
    }

    /** The errors, first to last. */
    Vector<ErrorCode> order() {
        return order;
    }

    /**
     * The clause of the error due that comes last before {@code shown} in this order, of the errors {@code due},
     * each given with its clause: the check the system skipped, the one just before the error it reported.
     * (Errors due in different states, NOMEM in one and RESERVE in another where two apps compete for one
     * region, say, are not all skipped: an INVAL shown there skipped RESERVE's check.)
     *
     * @throws IllegalArgumentException when no error of {@code due} comes before {@code shown}
     */
    Clause nearestBefore(ErrorCode shown, Vector<Tuple2<ErrorCode, Clause>> due) {
        int rank = order.indexOf(shown);
        return due.filter(error -> order.indexOf(error._1) >= 0 && order.indexOf(error._1) < rank)
                .maxBy(error -> order.indexOf(error._1))
                .getOrElseThrow(() -> new IllegalArgumentException("no error of " + due + " before " + shown))._2;
    }

    /** Whether {@code shown} comes after one of {@code due} in this order (neither FAIL nor another error outside it). */
    boolean after(ErrorCode shown, Vector<ErrorCode> due) {
        int rank = order.indexOf(shown);
        return rank > 0 && due.exists(error -> {
            int other = order.indexOf(error);
            return other >= 0 && other < rank;
        });
    }
}
