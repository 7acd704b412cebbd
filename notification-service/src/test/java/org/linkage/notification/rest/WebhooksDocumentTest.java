package org.linkage.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linkage.notification.domain.WebhookCatalogue;
import org.linkage.notification.service.WebhookPoster;
import org.linkage.notification.service.WebhookSignature;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI {@code webhooks} integrators build their receivers on (META-INF/openapi.json, merged into the served
 * document) describe exactly what is delivered: every type on offer, the fields of each payload, the headers.
 */
class WebhooksDocumentTest {

    @Test
    void everyTypeOnOfferIsDescribedWithTheFieldsAndHeadersDelivered() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
        JsonNode webhooks = document.path("webhooks");
        Set<String> described = new TreeSet<>();
        webhooks.fieldNames().forEachRemaining(described::add);
        assertEquals(WebhookCatalogue.all(), described);
        for (String type : WebhookCatalogue.all()) {
            JsonNode post = webhooks.path(type).path("post");
            String body = post.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asText().replace("#/components/schemas/", "");
            JsonNode envelope = document.path("components").path("schemas").path(body);
            assertEquals(type, envelope.path("properties").path("eventType").path("const").asText(), type);
            String payload = envelope.path("properties").path("payload").path("$ref").asText()
                    .replace("#/components/schemas/", "");
            List<String> fields = new ArrayList<>();
            document.path("components").path("schemas").path(payload).path("properties").fieldNames()
                    .forEachRemaining(fields::add);
            assertEquals(WebhookCatalogue.fields(type), fields, type);
            List<String> headers = new ArrayList<>();
            post.path("parameters").forEach(header -> {
                assertTrue(header.path("required").asBoolean() && header.path("in").asText().equals("header"));
                headers.add(header.path("name").asText());
            });
            assertEquals(List.of(WebhookSignature.HEADER, WebhookPoster.EVENT_ID_HEADER, WebhookPoster.EVENT_TYPE_HEADER,
                    WebhookPoster.DELIVERY_ID_HEADER), headers, type);
        }
    }
}
