package invs.conformance.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.Clause;
import invs.spec.ErrorCode;
import io.vavr.Tuple;
import io.vavr.collection.Vector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The orders of errors that file a finding are docs/spec.md D11's precedence tables, and read as D11 reads them. */
class ErrorPrecedenceTest {
    private static final Path SPEC = Path.of("..", "docs", "spec.md");

    @Test
    void theOrdersAreTheTablesOfD11() throws Exception {
        String text = Files.readString(SPEC, StandardCharsets.UTF_8);
        assertEquals(ErrorPrecedence.RETURNS.order(), table(text, "Precedence of the synchronous answers"));
        assertEquals(ErrorPrecedence.STATUSES.order(), table(text, "Precedence of the statuses of upcalls"));
    }

    @Test
    void anErrorAfterAnErrorDueIsReadAsTheOrderBroken() {
        assertTrue(ErrorPrecedence.STATUSES.after(ErrorCode.INVAL, Vector.of(ErrorCode.RESERVE)));
        assertTrue(ErrorPrecedence.STATUSES.after(ErrorCode.NOMEM, Vector.of(ErrorCode.NOSUPPORT)));
        assertTrue(ErrorPrecedence.RETURNS.after(ErrorCode.BUSY, Vector.of(ErrorCode.NOSUPPORT)));
        assertFalse(ErrorPrecedence.STATUSES.after(ErrorCode.NOMEM, Vector.of(ErrorCode.RESERVE)), "before: its own rule");
        assertFalse(ErrorPrecedence.RETURNS.after(ErrorCode.NOSUPPORT, Vector.of(ErrorCode.BUSY)));
        assertFalse(ErrorPrecedence.STATUSES.after(ErrorCode.FAIL, Vector.of(ErrorCode.RESERVE)), "FAIL has no place");
        assertTrue(ErrorPrecedence.STATUSES.after(ErrorCode.INVAL, Vector.of(ErrorCode.FAIL, ErrorCode.RESERVE)));
        assertFalse(ErrorPrecedence.STATUSES.after(ErrorCode.INVAL, Vector.empty()), "nothing due: SUCCESS was allowed");
    }

    @Test
    void theRuleBrokenIsTheErrorDueJustBeforeTheOneShown() {
        assertEquals(Clause.SUBSCRIBE_1_RESERVE, ErrorPrecedence.STATUSES.nearestBefore(ErrorCode.INVAL, Vector.of(
                Tuple.of(ErrorCode.FAIL, Clause.SUBSCRIBE_1_FAIL), Tuple.of(ErrorCode.NOMEM, Clause.SUBSCRIBE_1_NOMEM),
                Tuple.of(ErrorCode.RESERVE, Clause.SUBSCRIBE_1_RESERVE))), "two apps competing for one region: RESERVE skipped");
        assertEquals(Clause.SUBSCRIBE_1_NOMEM, ErrorPrecedence.STATUSES.nearestBefore(ErrorCode.RESERVE, Vector.of(
                Tuple.of(ErrorCode.NOSUPPORT, Clause.SUBSCRIBE_1_NOSUPPORT), Tuple.of(ErrorCode.NOMEM, Clause.SUBSCRIBE_1_NOMEM))));
        assertEquals(Clause.COMMAND_2_NOSUPPORT, ErrorPrecedence.RETURNS.nearestBefore(ErrorCode.BUSY, Vector.of(
                Tuple.of(ErrorCode.NOSUPPORT, Clause.COMMAND_2_NOSUPPORT))));
    }

    /** The errors of the table under the line beginning {@code heading}, in its order (SUCCESS left out). */
    private static Vector<ErrorCode> table(String text, String heading) {
        int start = text.indexOf("\n" + heading);
        assertTrue(start >= 0, heading);
        Vector<ErrorCode> order = Vector.empty();
        boolean inTable = false;
        for (String line : text.substring(start + 1).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.split("\\|");
                String answer = cells[2].strip();
                if (cells[1].strip().matches("[0-9]+") && !answer.equals("SUCCESS")) {
                    order = order.append(ErrorCode.valueOf(answer));
                }
            } else if (inTable) {
                break;
            }
        }
        return order;
    }
}
