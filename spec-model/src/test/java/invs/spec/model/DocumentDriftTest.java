package invs.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import invs.spec.Clause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The clauses of the model, the decisions of docs/spec.md and the sentences of the proposed revision of
 * the driver document cannot drift apart: each test fails on one way they could.
 */
class DocumentDriftTest {
    private static final Pattern WITNESS = Pattern.compile("`\\w+Test#\\w+`");
    private static final Set<String> CLAUSES = Arrays.stream(Clause.values()).map(Clause::name)
            .collect(Collectors.toSet());

    @Test
    void everyClauseIdNamedInTheDocumentsExists() {
        for (String document : List.of(Documents.SPEC, Documents.REVISION)) {
            Set<String> unknown = new TreeSet<>(Documents.clauseIds(Documents.read(document)));
            unknown.removeAll(CLAUSES);
            assertTrue(unknown.isEmpty(), document + " names clauses the model does not have: " + unknown);
        }
    }

    @Test
    void everyClauseOfTheModelStandsInBothDocuments() {
        for (String document : List.of(Documents.SPEC, Documents.REVISION)) {
            Set<String> missing = new TreeSet<>(CLAUSES);
            missing.removeAll(Documents.clauseIds(Documents.read(document)));
            assertTrue(missing.isEmpty(), document + " does not name the clauses " + missing);
        }
        Set<String> untagged = new TreeSet<>(CLAUSES);
        Documents.tags(Documents.read(Documents.REVISION)).forEach(untagged::removeAll);
        assertTrue(untagged.isEmpty(), "no sentence of the revision is tagged with " + untagged);
    }

    @Test
    void everyClauseListsExactlyTheDecisionsThatNameIt() {
        Map<String, String> sections = Documents.decisionSections();
        assertTrue(sections.size() > 20, "spec.md has only " + sections.size() + " decision sections");
        for (Clause clause : Clause.values()) {
            List<String> naming = new ArrayList<>();
            sections.forEach((id, text) -> {
                if (Documents.clauseIds(text).contains(clause.name())) {
                    naming.add(id);
                }
            });
            assertEquals(sorted(naming), sorted(clause.decisions().toJavaList()),
                    "the sections of spec.md that name " + clause + " (Clause.decisions() must list them)");
        }
    }

    @Test
    void everyDecisionNamesAClauseAndGivesAReasonAndAWitness() {
        Documents.decisionSections().forEach((id, text) -> {
            assertTrue(!Documents.clauseIds(text).isEmpty(), id + " of spec.md names no clause");
            assertTrue(text.contains("- Reason:"), id + " of spec.md gives no reason");
            assertTrue(text.contains("- Clauses:"), id + " of spec.md has no list of clauses");
            assertTrue(WITNESS.matcher(text).find(), id + " of spec.md names no witness");
        });
    }

    @Test
    void everyClarificationStandsAtItsAnchor() {
        List<String> anchors = Documents.anchors();
        for (Clause clause : Clause.values()) {
            if (clause.source() == Clause.Source.CLARIFICATION) {
                String anchor = clause.section().substring(clause.section().indexOf('#'));
                assertTrue(clause.section().startsWith("docs/spec.md#") && anchors.contains(anchor),
                        clause + " points at " + clause.section() + ", which is not an anchor of spec.md " + anchors);
            }
        }
    }

    @Test
    void everyNormativeSentenceOfTheRevisionNamesItsClauses() {
        List<String> sentences = Documents.revisionSentences();
        assertTrue(sentences.size() > 100, "the revision has only " + sentences.size() + " sentences");
        List<String> untagged = new ArrayList<>();
        for (String sentence : sentences) {
            boolean informative = sentence.startsWith("Note:") || sentence.endsWith("?") || sentence.endsWith(":")
                    || sentence.matches("\\*\\*[^*]+\\*\\*\\.");
            boolean tagged = Documents.tags(sentence).stream().anyMatch(tag -> tag.stream().anyMatch(CLAUSES::contains));
            if (!informative && !tagged) {
                untagged.add(sentence);
            }
        }
        assertTrue(untagged.isEmpty(), "sentences of the revision without a clause tag:\n" + String.join("\n", untagged));
    }

    @Test
    void everyTagOfTheRevisionNamesDecisionsThatGovernItsClauses() {
        Set<String> decisions = Documents.decisionSections().keySet();
        for (List<String> tag : Documents.tags(Documents.read(Documents.REVISION))) {
            List<String> cited = tag.stream().filter(item -> !CLAUSES.contains(item)).toList();
            assertTrue(!cited.isEmpty(), "the tag " + tag + " names no decision of spec.md");
            for (String decision : cited) {
                assertTrue(decisions.contains(decision), "the tag " + tag + " names " + decision + ", which spec.md does not have");
            }
            for (String item : tag) {
                if (CLAUSES.contains(item)) {
                    Clause clause = Clause.valueOf(item);
                    assertTrue(clause.decisions().exists(cited::contains),
                            "the tag " + tag + " cites " + item + " but none of " + clause.decisions());
                }
            }
        }
    }

    @Test
    void theDriftChecksBite() {
        // The parsing the checks rely on finds what it must in a sentence known to be tagged, and nothing
        // in one that is not.
        assertEquals(List.of(List.of("SUBSCRIBE_1_INVAL", "D9")), Documents.tags("within it [SUBSCRIBE_1_INVAL, D9]."));
        assertEquals(List.of(), Documents.tags("the bytes [offset, offset + len) are checked"));
        assertEquals(List.of("NOT_A_CLAUSE"), Documents.clauseIds("NOMEM, then NOT_A_CLAUSE"));
        assertTrue(Documents.revisionSentences().stream().anyMatch(sentence -> sentence.startsWith("Note:")));
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
