package invs.conformance.report;

import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * A campaign's result as JUnit XML, the format CI systems display as test results: one test suite for
 * the campaign, one test case per cause (failed, with its representative's report), or one passing test
 * case when nothing was found. Everything is escaped by the XML writer.
 */
public final class JunitReport {
    /** The file name CI systems look for (as Surefire writes them: {@code TEST-*.xml}). */
    public static final String FILE_NAME = "TEST-invs-fuzz.xml";

    private JunitReport() {
    }

    /** The JUnit XML of {@code result}. */
    public static String format(CampaignResult result) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            String suite = "invs fuzz " + result.system() + " (" + result.settings().profile().name().toLowerCase(Locale.ROOT) + ")";
            int cases = Math.max(1, result.causes().size());
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", Integer.toString(cases));
            xml.writeAttribute("failures", Integer.toString(result.causes().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", result.triesTime().toNanos() / 1e9));
            xml.writeCharacters("\n");
            property(xml, "seed", String.format("0x%016x", result.seed()));
            property(xml, "tries", Long.toString(result.tries()));
            property(xml, "syscalls", Long.toString(result.statistics().syscalls()));
            String className = "invs." + result.system().replaceAll("[^A-Za-z0-9_]", "_");
            if (result.causes().isEmpty()) {
                xml.writeCharacters("  ");
                xml.writeEmptyElement("testcase");
                xml.writeAttribute("classname", className);
                xml.writeAttribute("name", "conforms to the " + result.settings().profile().name().toLowerCase(Locale.ROOT)
                        + " reading");
                xml.writeCharacters("\n");
            }
            int number = 1;
            for (Cause cause : result.causes()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", className);
                xml.writeAttribute("name", "cause " + number++ + ": " + cause.representative().key());
                xml.writeStartElement("failure");
                xml.writeAttribute("message", cause.signature() + " (" + cause.occurrences() + " failing tries; rules: "
                        + cause.rules().mkString(", ") + ")");
                xml.writeAttribute("type", cause.representative().property().label());
                xml.writeCharacters(clean(cause.representative().report()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return text.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
        xml.writeCharacters("\n");
    }

    /** {@code text} without the characters XML 1.0 cannot hold (control bytes a system under test may send). */
    static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000 && c <= 0x10FFFF;
            kept.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return kept.toString();
    }
}
