package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Checks an event, as it travels on Kafka, against the envelope schema and its type's payload schema. */
public final class EventSchemas {

    private static final String BASE = "https://linkage.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:org/linkage/events/schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final ConcurrentMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the violations; empty when the message conforms */
    public static Set<String> violations(String message) {
        try {
            JsonNode envelope = JSON.readTree(message);
            Set<String> problems = new LinkedHashSet<>();
            schema("EventEnvelope.schema.json").validate(envelope).stream()
                    .map(ValidationMessage::getMessage).forEach(problems::add);
            String type = envelope.path("eventType").asText();
            int version = envelope.path("schemaVersion").asInt(1);
            schema(type + ".v" + version + ".schema.json").validate(envelope.path("payload")).stream()
                    .map(m -> type + ": " + m.getMessage()).forEach(problems::add);
            return problems;
        } catch (Exception e) {
            return Set.of("unreadable: " + e.getMessage());
        }
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, name -> FACTORY.getSchema(SchemaLocation.of(BASE + name), CONFIG));
    }

    private EventSchemas() {
    }
}
