package org.linkage.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI 3 document of the suite's Kafka topics, built from the events' JSON Schemas (their {@code x-topic}
 * and {@code x-key}) and kept as the snapshot {@code META-INF/resources/linkage.asyncapi.json}, which every service
 * serves at {@code /linkage.asyncapi.json} and .ci/lint-api lints. A schema added or changed without the snapshot
 * fails here; {@code -Dlinkage.openapi.update-snapshot=true} rewrites it.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path SCHEMAS = Path.of("src/main/resources/org/linkage/events/schemas");
    private static final Path SNAPSHOT = Path.of("src/main/resources/META-INF/resources/linkage.asyncapi.json");
    private static final String DEFS = "defs.schema.json#/$defs/";
    private static final String OWN_DEFS = "#/$defs/";

    /** Who writes each topic (docs/events.md says who reads it). */
    private static final Map<String, String> PUBLISHERS = Map.of(
            Topics.VOLUNTEER_EVENTS, "volunteer-service",
            Topics.IDENTITY_EVENTS, "volunteer-service",
            Topics.INVITATION_EVENTS, "volunteer-service",
            Topics.NEED_EVENTS, "activity-service",
            Topics.ACTIVITY_EVENTS, "activity-service",
            Topics.PAIRING_EVENTS, "activity-service",
            Topics.ASSIGNMENT_EVENTS, "matching-service");

    @Test
    void theSnapshotDescribesEveryTopicAndEventAsTheSchemasSay() throws IOException {
        String built = JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean("linkage.openapi.update-snapshot")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, built);
        }
        assertTrue(Files.exists(SNAPSHOT), "write it with -Dlinkage.openapi.update-snapshot=true");
        assertEquals(JSON.readTree(built), JSON.readTree(SNAPSHOT.toFile()),
                "the events changed: rewrite " + SNAPSHOT + " with -Dlinkage.openapi.update-snapshot=true");
    }

    static ObjectNode document() throws IOException {
        ObjectNode document = JSON.createObjectNode().put("asyncapi", "3.0.0");
        document.putObject("info").put("title", "Linkage domain events").put("version", "1.0.0")
                .put("description", "The events the four services exchange over Kafka. Every record's value is the "
                        + "EventEnvelope with the event's payload; its key is the id named by each message's Kafka "
                        + "binding, so one aggregate's events stay in order. Consumers deduplicate on eventId. "
                        + "Integrators receive a subset by webhook (notification-service's OpenAPI `webhooks`).")
                .set("contact", JSON.createObjectNode().put("name", "Linkage integration support")
                        .put("email", "integrations@linkage.example.org")
                        .put("url", "https://linkage.example.org/docs/integrators"));
        ((ObjectNode) document.path("info")).putObject("license")
                .put("name", "Proprietary: for the district's partners under their agreement")
                .put("url", "https://linkage.example.org/docs/terms");
        ((ObjectNode) document.path("info")).putArray("tags").addObject().put("name", "linkage")
                .put("description", "Linkage's own topics");
        document.put("defaultContentType", "application/json");
        document.putObject("servers").putObject("cluster").put("host", "linkage-kafka-bootstrap:9093")
                .put("protocol", "kafka").put("description", "The suite's Kafka cluster (TLS and SCRAM, see "
                        + "deploy/k8s); locally 127.0.0.1:19092 without either");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        JsonNode defs = JSON.readTree(SCHEMAS.resolve("defs.schema.json").toFile()).path("$defs");
        defs.fields().forEachRemaining(def -> schemas.set(def.getKey(), def.getValue()));
        JsonNode envelope = JSON.readTree(SCHEMAS.resolve("EventEnvelope.schema.json").toFile());

        Map<String, List<Path>> byTopic = new TreeMap<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".+\\.v\\d+\\.schema\\.json"))
                    .sorted().toList()) {
                String topic = JSON.readTree(file.toFile()).path("x-topic").asText();
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(file);
            }
        }
        for (Map.Entry<String, List<Path>> topic : byTopic.entrySet()) {
            String publisher = PUBLISHERS.get(topic.getKey());
            assertTrue(publisher != null, "who publishes " + topic.getKey() + "? add it to PUBLISHERS");
            String channelId = camel(topic.getKey().replace("linkage.", ""));
            ObjectNode channel = channels.putObject(channelId).put("address", topic.getKey())
                    .put("description", "Written by " + publisher + " through its outbox.");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish" + Character.toUpperCase(channelId.charAt(0))
                    + channelId.substring(1)).put("action", "send")
                    .put("description", publisher + " publishes these events, each committed with its change.");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode operationMessages = operation.putArray("messages");
            for (Path file : topic.getValue()) {
                ObjectNode event = (ObjectNode) JSON.readTree(file.toFile());
                String name = file.getFileName().toString().replace(".schema.json", "").replace(".", "");
                messages.set(name, message(event, envelope, name, schemas));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operationMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + name);
            }
        }
        return document;
    }

    private static ObjectNode message(ObjectNode event, JsonNode envelope, String name, ObjectNode schemas) {
        String type = event.path("title").asText();
        ObjectNode payload = localRefs(event.deepCopy(), name);
        payload.path("$defs").fields().forEachRemaining(def -> schemas.set(name + "_" + def.getKey(), def.getValue()));
        payload.remove(List.of("$schema", "$id", "x-topic", "x-key", "$defs"));
        ObjectNode value = (ObjectNode) envelope.deepCopy();
        value.remove(List.of("$schema", "$id", "title"));
        ((ObjectNode) value.path("properties")).set("eventType", JSON.createObjectNode().put("const", type));
        ((ObjectNode) value.path("properties")).set("payload", payload);
        ObjectNode message = JSON.createObjectNode().put("name", type).put("title", name)
                .put("summary", event.path("description").asText());
        message.set("payload", value);
        message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0").putObject("key")
                .put("type", "string").put("description", "The " + event.path("x-key").asText() + " of the event");
        return message;
    }

    /**
     * The schemas refer to defs.schema.json and to their own $defs; in the document both are components, an event's
     * own named after it.
     */
    private static ObjectNode localRefs(ObjectNode node, String event) {
        node.fields().forEachRemaining(field -> {
            String ref = field.getKey().equals("$ref") ? field.getValue().asText() : "";
            if (ref.startsWith(DEFS)) {
                node.put("$ref", "#/components/schemas/" + ref.substring(DEFS.length()));
            } else if (ref.startsWith(OWN_DEFS)) {
                node.put("$ref", "#/components/schemas/" + event + "_" + ref.substring(OWN_DEFS.length()));
            } else if (field.getValue().isObject()) {
                localRefs((ObjectNode) field.getValue(), event);
            } else if (field.getValue().isArray()) {
                field.getValue().forEach(element -> {
                    if (element.isObject()) {
                        localRefs((ObjectNode) element, event);
                    }
                });
            }
        });
        return node;
    }

    private static String camel(String dashed) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
