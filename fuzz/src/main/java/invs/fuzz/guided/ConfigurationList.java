package invs.fuzz.guided;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import invs.conformance.board.NamedConfiguration;
import invs.conformance.trace.ConfigurationCodec;
import invs.conformance.trace.TraceCodec;
import io.vavr.collection.Vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named configurations as JSON lines ({@code {"name":"doc-default","configuration":{…}}}), the way the
 * guided campaign hands its configurations to the Jazzer child process.
 */
final class ConfigurationList {
    /** Strict like the trace codecs: one object a line, each field once. */
    private static final ObjectMapper MAPPER = TraceCodec.objectMapper();

    private ConfigurationList() {
    }

    static void write(Vector<NamedConfiguration> configurations, Path file) {
        StringBuilder text = new StringBuilder();
        for (NamedConfiguration named : configurations) {
            ObjectNode node = MAPPER.createObjectNode().put("name", named.name());
            node.set("configuration", ConfigurationCodec.encode(named.configuration()));
            try {
                text.append(MAPPER.writeValueAsString(node)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Vector<NamedConfiguration> read(Path file) {
        try {
            Vector<NamedConfiguration> configurations = Vector.empty();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = MAPPER.readTree(line);
                    configurations = configurations.append(new NamedConfiguration(node.get("name").asText(),
                            ConfigurationCodec.decode(node.get("configuration"))));
                }
            }
            return configurations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
