package invs.spec.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two documents the specification must agree with, read from {@code ../docs}: {@code spec.md} (the
 * decisions) and the proposed revision of the driver document. Knows their few conventions: decision
 * sections, clause tags, and Markdown tables.
 */
final class Documents {
    /** The clarified specification. */
    static final String SPEC = "spec.md";
    /** The proposed revision of the driver document. */
    static final String REVISION = "50004_isolated_nonvolatile_storage.revised.md";

    /** A token that names a clause: upper-case words joined by underscores. */
    static final Pattern CLAUSE_ID = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    /** A decision by number. */
    static final Pattern DECISION = Pattern.compile("D\\d+");
    /** A clarification by anchor. */
    static final Pattern ANCHOR = Pattern.compile("#[a-z][a-z-]*");
    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]+)\\]");
    private static final Pattern DECISION_HEADING = Pattern.compile("^### (D\\d+)\\b.*");
    private static final Pattern ANCHOR_HEADING = Pattern.compile("^### .*\\{(#[a-z][a-z-]*)\\}\\s*$");

    private Documents() {
    }

    /** The text of {@code name} in {@code ../docs}. */
    static String read(String name) {
        try {
            return Files.readString(Path.of("..", "docs", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The decision sections of spec.md, in document order, each under its id: the D-number of a
     * {@code ### Dn} heading, else the anchor of a {@code ### ... {#anchor}} heading. A section runs to the
     * next heading.
     */
    static Map<String, String> decisionSections() {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : read(SPEC).split("\n")) {
            if (line.startsWith("#")) {
                if (current != null) {
                    sections.put(current, text.toString());
                }
                current = null;
                text.setLength(0);
                Matcher decision = DECISION_HEADING.matcher(line);
                Matcher anchor = ANCHOR_HEADING.matcher(line);
                if (decision.matches()) {
                    current = decision.group(1);
                } else if (anchor.matches()) {
                    current = anchor.group(1);
                }
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, text.toString());
        }
        return sections;
    }

    /** The anchors {@code {#name}} of spec.md's headings, as {@code #name}. */
    static List<String> anchors() {
        List<String> anchors = new ArrayList<>();
        for (String line : read(SPEC).split("\n")) {
            Matcher anchor = ANCHOR_HEADING.matcher(line);
            if (anchor.matches()) {
                anchors.add(anchor.group(1));
            }
        }
        return anchors;
    }

    /** Every token of {@code text} that looks like a clause id, in order of appearance. */
    static List<String> clauseIds(String text) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = CLAUSE_ID.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    /**
     * The clause tags of {@code text}: bracketed, comma-separated lists whose every item is a clause id, a
     * decision number or an anchor, each tag as its items.
     */
    static List<List<String>> tags(String text) {
        List<List<String>> tags = new ArrayList<>();
        Matcher matcher = BRACKETS.matcher(text);
        while (matcher.find()) {
            List<String> items = List.of(matcher.group(1).trim().split("\\s*,\\s*"));
            if (items.stream().allMatch(Documents::isTagItem)) {
                tags.add(items);
            }
        }
        return tags;
    }

    private static boolean isTagItem(String item) {
        return CLAUSE_ID.matcher(item).matches() || DECISION.matcher(item).matches() || ANCHOR.matcher(item).matches();
    }

    /**
     * The sentences of the revision's prose: outside the front matter, code blocks, headings, tables and
     * paragraphs set in italics (the preface), list items and paragraphs joined into lines, markup left as
     * it is, split after a full stop, a question mark or a colon followed by a capital.
     */
    static List<String> revisionSentences() {
        List<String> units = new ArrayList<>();
        StringBuilder unit = new StringBuilder();
        boolean code = false;
        String text = read(REVISION);
        text = text.substring(text.indexOf("\n---", 3) + 4);
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            boolean breaks = code || line.isEmpty() || line.startsWith("#") || line.startsWith("- #")
                    || line.startsWith("|") || line.startsWith("- ");
            if (breaks && !unit.isEmpty()) {
                units.add(unit.toString().strip());
                unit.setLength(0);
            }
            if (code || line.isEmpty() || line.startsWith("#") || line.startsWith("- #") || line.startsWith("|")) {
                continue;
            }
            unit.append(line.startsWith("- ") ? line.substring(2) : line).append(' ');
        }
        if (!unit.isEmpty()) {
            units.add(unit.toString().strip());
        }
        List<String> sentences = new ArrayList<>();
        for (String paragraph : units) {
            if (paragraph.startsWith("*") && !paragraph.startsWith("**") && paragraph.endsWith("*")) {
                continue;
            }
            for (String sentence : paragraph.split("(?<=[.?:])\\s+(?=[A-Z`*(])")) {
                sentences.add(sentence.strip());
            }
        }
        return sentences;
    }

    /**
     * The rows of every table in {@code document} whose header row starts with {@code header} (cells
     * trimmed, header and separator left out), tables one after another.
     */
    static List<List<String>> tableRows(String document, String header) {
        List<List<String>> rows = new ArrayList<>();
        boolean inside = false;
        for (String raw : read(document).split("\n")) {
            String line = raw.strip();
            if (!line.startsWith("|")) {
                inside = false;
                continue;
            }
            List<String> cells = cells(line);
            if (String.join(" | ", cells).startsWith(header)) {
                inside = true;
            } else if (inside && !cells.getFirst().startsWith("---")) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
