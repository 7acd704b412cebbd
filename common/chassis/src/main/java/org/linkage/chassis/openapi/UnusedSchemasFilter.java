package org.linkage.chassis.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Drops the component schemas that nothing refers to (the raw {@code Page} beside {@code PageVolunteerResponse},
 * types seen only as a field's Java type): a generator would make classes of them and a reader would wonder where
 * they are used. Runs after the other filters (lowest priority), once every reference is in place.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class UnusedSchemasFilter implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        JsonNode document = json(openAPI);
        Set<String> used = new HashSet<>();
        Deque<JsonNode> toVisit = new ArrayDeque<>();
        document.fields().forEachRemaining(part -> {
            if (!part.getKey().equals("components")) {
                toVisit.add(part.getValue());
            }
        });
        document.path("components").fields().forEachRemaining(part -> {
            if (!part.getKey().equals("schemas")) {
                toVisit.add(part.getValue());
            }
        });
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.pop();
            String ref = node.path("$ref").asText("");
            if (ref.startsWith(PREFIX) && used.add(ref.substring(PREFIX.length()))) {
                toVisit.add(document.path("components").path("schemas").path(ref.substring(PREFIX.length())));
            }
            node.elements().forEachRemaining(toVisit::add);
        }
        for (String name : Set.copyOf(openAPI.getComponents().getSchemas().keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static JsonNode json(OpenAPI openAPI) {
        try {
            return new ObjectMapper().readTree(OpenApiSerializer.serialize(openAPI, Format.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
