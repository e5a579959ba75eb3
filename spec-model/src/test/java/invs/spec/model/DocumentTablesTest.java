package invs.spec.model;

import static invs.spec.model.Scenario.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.AddressWidth;
import invs.spec.AllowReadOnly;
import invs.spec.AllowReadWrite;
import invs.spec.App;
import invs.spec.AppId;
import invs.spec.Bytes;
import invs.spec.Command;
import invs.spec.Configuration;
import invs.spec.ErrorCode;
import invs.spec.Observation;
import invs.spec.Profile;
import invs.spec.ShortId;
import invs.spec.StoragePermissions;
import invs.spec.Subscribe;
import invs.spec.Upcall;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bounds table of D9 and the precedence tables of D11 stand in docs/spec.md and in the proposed
 * revision; every row is run against the model in both profiles, and the order of each precedence table
 * decides the answer expected when several conditions apply at once.
 */
class DocumentTablesTest {
    private static final int SIZE = 2048;
    private static final String BOUNDS = "kernel | offset | length | doc | tock";
    private static final String COMMANDS = "order | answer | applies when";
    private static final String UPCALLS = "order | status | applies when";

    /** The rows of the table with {@code header}, the same in both documents. */
    private static List<List<String>> table(String header) {
        List<List<String>> spec = Documents.tableRows(Documents.SPEC, header);
        List<List<String>> revision = Documents.tableRows(Documents.REVISION, header);
        assertTrue(!spec.isEmpty(), "docs/spec.md has no table headed " + header);
        assertEquals(column(spec, 1), column(revision, 1), "the table headed " + header + " differs between the documents");
        if (header.equals(BOUNDS)) {
            assertEquals(spec, revision, "the bounds table differs between the documents");
        }
        return spec;
    }

    private static List<String> column(List<List<String>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }

    @Test
    void boundsTableMatchesTheModel() {
        List<List<String>> rows = table(BOUNDS);
        assertTrue(rows.size() >= 15, "the bounds table has only " + rows.size() + " rows");
        for (List<String> row : rows) {
            AddressWidth width = row.get(0).equals("64-bit") ? AddressWidth.BITS_64 : AddressWidth.BITS_32;
            long offset = row.get(1).startsWith("0x") ? Long.parseUnsignedLong(row.get(1).substring(2), 16)
                    : Long.parseLong(row.get(1));
            int length = Integer.parseInt(row.get(2));
            for (Profile profile : Profile.values()) {
                String expected = row.get(profile == Profile.DOC ? 3 : 4);
                Configuration config = Configuration.defaults(profile).withAddressWidth(width);
                for (int number : new int[] {2, 3}) {
                    AppId alpha = app(0);
                    Scenario scenario = new Scenario(config).subscribeAll(alpha);
                    if (number == 2) {
                        scenario.only(new AllowReadWrite(alpha, 0, length), Observation.success());
                    } else {
                        scenario.only(new AllowReadOnly(alpha, 0, Bytes.filled(length, 0x42)), Observation.success());
                    }
                    int count = config.transferLimit().map(limit -> Math.min(limit, length)).getOrElse(length);
                    Upcall upcall = expected.equals("SUCCESS") ? Upcall.success(number - 1, count)
                            : Upcall.error(number - 1, ErrorCode.valueOf(expected));
                    scenario.onlyAccepted(new Command(alpha, number, offset & 0xFFFF_FFFFL, offset >>> 32)).drain()
                            .yieldMayRun(alpha, upcall);
                }
            }
        }
    }

    /** A condition of the command table, by the answer it gives. */
    private static final List<String> COMMAND_CONDITIONS = List.of("NOSUPPORT", "NOMEM", "BUSY");

    @Test
    void commandPrecedenceMatchesTheModel() {
        List<String> order = column(table(COMMANDS), 1);
        assertEquals(Set.of("NOSUPPORT", "NOMEM", "BUSY", "SUCCESS"), Set.copyOf(order), "the answers of the command table");
        for (Profile profile : Profile.values()) {
            for (Set<String> applying : subsets(COMMAND_CONDITIONS)) {
                if (applying.contains("NOMEM") && applying.contains("BUSY")) {
                    continue; // an outstanding operation proves the grant exists
                }
                Scenario scenario = commandScenario(profile, applying);
                Set<Observation> expected = new LinkedHashSet<>();
                for (String answer : commandAnswers(order, applying, profile)) {
                    expected.add(answer.equals("SUCCESS") ? Observation.success() : Observation.failure(ErrorCode.valueOf(answer)));
                }
                scenario.allowsExactly(Command.read(app(0), 0), expected.toArray(Observation[]::new));
            }
            // Before any call that needs it the grant may still be refused, unless the permission is
            // checked first and fails.
            new Scenario(board(profile)).allowsExactly(Command.read(app(1), 0), Observation.success(),
                    Observation.failure(ErrorCode.NOMEM));
            Scenario refused = new Scenario(board(profile));
            if (profile == Profile.TOCK) {
                refused.allowsExactly(Command.read(app(0), 0), Observation.failure(ErrorCode.NOSUPPORT));
            } else {
                refused.allowsExactly(Command.read(app(0), 0), Observation.failure(ErrorCode.NOSUPPORT),
                        Observation.success(), Observation.failure(ErrorCode.NOMEM));
            }
        }
    }

    /**
     * The answers the table allows when {@code applying} hold: the first in the table's order; BUSY also
     * lets the outstanding operation have completed meanwhile (D4), and doc lets a missing permission be
     * reported by upcall instead (D7), both then answered as if that condition did not hold.
     */
    private static Set<String> commandAnswers(List<String> order, Set<String> applying, Profile profile) {
        String first = order.stream().filter(answer -> answer.equals("SUCCESS") || applying.contains(answer))
                .findFirst().orElseThrow();
        Set<String> answers = new LinkedHashSet<>(Set.of(first));
        if (first.equals("BUSY") || first.equals("NOSUPPORT") && profile == Profile.DOC) {
            Set<String> rest = new LinkedHashSet<>(applying);
            rest.remove(first);
            answers.addAll(commandAnswers(order, rest, profile));
        }
        return answers;
    }

    /**
     * Slot 0 of {@link #board} asks to read: it lacks the read permission if NOSUPPORT applies (slot 0 has
     * a write id but no read permission, so it can still have a size operation outstanding); its grant is
     * refused if NOMEM applies, else allocated; its size operation is outstanding if BUSY applies.
     */
    private static Scenario commandScenario(Profile profile, Set<String> applying) {
        Configuration board = board(profile);
        if (!applying.contains("NOSUPPORT")) {
            board = board.withApps(board.apps().update(0, App.selfOnly("permitted", 0x3000)));
        }
        Scenario scenario = new Scenario(board);
        AppId asker = app(0);
        if (applying.contains("NOMEM")) {
            scenario.then(new Subscribe(asker, 0), Observation.failure(ErrorCode.NOMEM));
        } else {
            scenario.subscribeAll(asker);
        }
        if (applying.contains("BUSY")) {
            scenario.onlyAccepted(Command.size(asker));
        }
        return scenario;
    }

    /** The upcall conditions, by status; NOSUPPORT by upcall exists only in doc. */
    private static final List<String> UPCALL_CONDITIONS = List.of("NOSUPPORT", "NOMEM", "RESERVE", "INVAL");

    @Test
    void upcallPrecedenceMatchesTheModel() {
        List<String> order = column(table(UPCALLS), 1);
        assertEquals(Set.of("NOSUPPORT", "NOMEM", "RESERVE", "INVAL", "SUCCESS"), Set.copyOf(order),
                "the statuses of the upcall table");
        for (Profile profile : Profile.values()) {
            for (Set<String> applying : subsets(UPCALL_CONDITIONS)) {
                if (applying.contains("NOSUPPORT") && profile == Profile.TOCK) {
                    continue; // tock checks permissions synchronously only
                }
                String first = order.stream().filter(status -> status.equals("SUCCESS") || applying.contains(status))
                        .findFirst().orElseThrow();
                for (int number : new int[] {2, 3}) {
                    Upcall expected = first.equals("SUCCESS") ? Upcall.success(number - 1, 4)
                            : Upcall.error(number - 1, ErrorCode.valueOf(first));
                    upcallScenario(profile, applying, number).yieldMayRun(app(applying.contains("NOSUPPORT") ? 0 : 1), expected);
                }
            }
        }
    }

    /**
     * On a board with room for one region: slot 0 (no read or modify permission) asks if NOSUPPORT
     * applies, else slot 1; slot 2 takes the only region first if NOMEM applies; the buffer is empty if
     * RESERVE applies, else 4 bytes; the offset is the region's end if INVAL applies, else 0.
     */
    private static Scenario upcallScenario(Profile profile, Set<String> applying, int number) {
        Configuration board = board(profile).withStorageLength(SIZE + Configuration.HEADER_SIZE);
        AppId asker = app(applying.contains("NOSUPPORT") ? 0 : 1);
        AppId filler = app(2);
        Scenario scenario = new Scenario(board).subscribeAll(asker).subscribeAll(filler);
        if (applying.contains("NOMEM")) {
            scenario.roundTrip(Command.size(filler), Upcall.success(0, SIZE), Bytes.empty());
        }
        int length = applying.contains("RESERVE") ? 0 : 4;
        if (number == 2) {
            scenario.allowRw(asker, length);
        } else {
            scenario.allowRo(asker, Bytes.filled(length, 0x42));
        }
        long offset = applying.contains("INVAL") ? SIZE : 0;
        return scenario.then(new Command(asker, number, offset, 0), Observation.success()).drain();
    }

    /**
     * Three apps: slot 0 has a write id but neither read nor modify permission on it (its lists name
     * slot 1), slot 1 and slot 2 are SelfOnly; 8 KiB of storage.
     */
    private static Configuration board(Profile profile) {
        Vector<ShortId> neighbour = Vector.of(ShortId.of(0x3001));
        App denied = new App("denied", Option.some(ShortId.of(0x3000)),
                new StoragePermissions.FixedSize(ShortId.of(0x3000), true, false, neighbour, neighbour));
        return Configuration.defaults(profile)
                .withApps(Vector.of(denied, App.selfOnly("asker", 0x3001), App.selfOnly("filler", 0x3002)));
    }

    private static List<Set<String>> subsets(List<String> conditions) {
        List<Set<String>> subsets = new ArrayList<>();
        for (int mask = 0; mask < 1 << conditions.size(); mask++) {
            Set<String> subset = new LinkedHashSet<>();
            for (int i = 0; i < conditions.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(conditions.get(i));
                }
            }
            subsets.add(subset);
        }
        return subsets;
    }
}
