package invs.conformance.bench;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Combines PIT reports ({@code mutations.xml}) of the same classes mutated under different test suites:
 * a mutant counts as killed when any suite detected it. Arguments: {@code name=report1.xml,report2.xml}
 * per target. Prints each report's score and the combined score. Used by {@code scripts/mutation.sh}.
 */
public final class MutationScore {
    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            String[] parts = arg.split("=", 2);
            Map<String, Boolean> combined = new LinkedHashMap<>();
            for (String report : parts[1].split(",")) {
                File file = new File(report);
                if (!file.isFile()) {
                    System.out.printf("%-8s %-60s missing%n", parts[0], report);
                    continue;
                }
                NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
                        .getElementsByTagName("mutation");
                int detected = 0;
                for (int i = 0; i < mutations.getLength(); i++) {
                    Element mutation = (Element) mutations.item(i);
                    boolean killed = Boolean.parseBoolean(mutation.getAttribute("detected"));
                    detected += killed ? 1 : 0;
                    combined.merge(key(mutation), killed, Boolean::logicalOr);
                }
                System.out.printf("%-8s %-60s %5d of %5d mutants killed: %5.1f%%%n", parts[0], report, detected,
                        mutations.getLength(), percent(detected, mutations.getLength()));
            }
            long killed = combined.values().stream().filter(Boolean::booleanValue).count();
            System.out.printf("%-8s %-60s %5d of %5d mutants killed: %5.1f%%%n", parts[0], "combined", killed,
                    combined.size(), percent(killed, combined.size()));
        }
    }

    private static String key(Element mutation) {
        return text(mutation, "mutatedClass") + "#" + text(mutation, "mutatedMethod") + text(mutation, "methodDescription")
                + ":" + text(mutation, "lineNumber") + ":" + text(mutation, "mutator") + ":" + text(mutation, "indexes")
                + ":" + text(mutation, "description");
    }

    private static String text(Element mutation, String tag) {
        NodeList nodes = mutation.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
