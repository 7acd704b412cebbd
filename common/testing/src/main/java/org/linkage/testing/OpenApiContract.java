package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What integrators rely on in every service's OpenAPI document: version 3.1, and every operation with an
 * operationId, a summary, a tag, a documented success and documented problem+json errors.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** @return one line per shortcoming; empty when the document keeps the contract */
    public static List<String> shortcomings(String openApiJson) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        if (!document.path("openapi").asText().startsWith("3.1")) {
            problems.add("openapi version is " + document.path("openapi").asText() + ", not 3.1");
        }
        if (document.path("components").path("schemas").path("Problem").isMissingNode()) {
            problems.add("no Problem schema in components");
        }
        if (document.path("paths").isEmpty()) {
            problems.add("the document has no operations");
        }
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> entry = operations.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (operation.path("operationId").asText().isBlank()) {
                    problems.add(where + ": no operationId");
                }
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (operation.path("tags").isEmpty()) {
                    problems.add(where + ": no tag");
                }
                JsonNode responses = operation.path("responses");
                boolean success = false;
                boolean problemError = false;
                Iterator<Map.Entry<String, JsonNode>> codes = responses.fields();
                while (codes.hasNext()) {
                    Map.Entry<String, JsonNode> code = codes.next();
                    if (code.getKey().startsWith("2")) {
                        success = true;
                    }
                    if (code.getKey().startsWith("4") && code.getValue().path("content").has("application/problem+json")) {
                        problemError = true;
                    }
                }
                if (!success) {
                    problems.add(where + ": no documented success response");
                }
                if (!problemError) {
                    problems.add(where + ": no documented application/problem+json 4xx response");
                }
                if (operation.has("requestBody") && !hasExample(operation.path("requestBody"))) {
                    problems.add(where + ": request body without an example");
                }
            }
        }
        return problems;
    }

    private static boolean hasExample(JsonNode requestBody) {
        Iterator<JsonNode> media = requestBody.path("content").elements();
        while (media.hasNext()) {
            JsonNode type = media.next();
            if (type.has("example") || type.has("examples")) {
                return true;
            }
        }
        return false;
    }

    private OpenApiContract() {
    }
}
