package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenApiCompatibilityTest {

    private static final String BEFORE = """
            {"paths": {
              "/things": {
                "get": {"parameters": [{"name": "size", "in": "query", "schema": {"type": "integer"}}],
                        "responses": {"200": {"content": {"application/json": {
                          "schema": {"$ref": "#/components/schemas/Thing"}}}}}},
                "post": {"requestBody": {"content": {"application/json": {"schema": {
                           "type": "object", "required": ["name"],
                           "properties": {"name": {"type": "string"},
                                          "kind": {"type": "string", "enum": ["A", "B"]}}}}}},
                         "responses": {"201": {"description": "Created"}}}},
              "/old": {"delete": {"responses": {"204": {"description": "Gone"}}}}},
             "components": {"schemas": {"Thing": {"type": "object",
               "properties": {"id": {"type": "string"}, "count": {"type": "integer"}}}}}}""";

    @Test
    void theSameDocumentAndAdditionsBreakNothing() {
        assertEquals(List.of(), OpenApiCompatibility.breakingChanges(json(BEFORE), json(BEFORE)));
        String added = BEFORE
                .replace("\"count\": {\"type\": \"integer\"}", "\"count\": {\"type\": \"integer\"}, \"new\": {}")
                .replace("[\"A\", \"B\"]", "[\"A\", \"B\", \"C\"]")
                .replace("\"/old\":", "\"/new\": {\"get\": {\"responses\": {}}}, \"/old\":");
        assertEquals(List.of(), OpenApiCompatibility.breakingChanges(json(BEFORE), json(added)));
    }

    /** A field that became nullable keeps its properties: anyOf [the schema, null] is the schema or null. */
    @Test
    void aNullableReferenceIsTheSchemaItNames() {
        String nullableThing = BEFORE.replace("\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}",
                "\"schema\": {\"anyOf\": [{\"$ref\": \"#/components/schemas/Thing\"}, {\"type\": \"null\"}]}");
        assertEquals(List.of(), OpenApiCompatibility.breakingChanges(json(BEFORE), json(nullableThing)));
        assertEquals(List.of("GET /things response 200 .id: removed"), OpenApiCompatibility.breakingChanges(
                json(BEFORE), json(nullableThing.replace("\"id\": {\"type\": \"string\"}, ", ""))));
    }

    @Test
    void removalsNarrowingsAndNewRequirementsBreakClients() {
        String after = BEFORE
                .replace("\"/old\": {\"delete\": {\"responses\": {\"204\": {\"description\": \"Gone\"}}}}",
                        "\"/old\": {}")
                .replace("\"id\": {\"type\": \"string\"}, ", "")
                .replace("\"count\": {\"type\": \"integer\"}", "\"count\": {\"type\": \"string\"}")
                .replace("[\"A\", \"B\"]", "[\"A\"]")
                .replace("\"required\": [\"name\"]", "\"required\": [\"name\", \"kind\"]")
                .replace("\"in\": \"query\",", "\"in\": \"query\", \"required\": true,");
        assertEquals(List.of(
                "GET /things parameter size: now required",
                "GET /things response 200 .id: removed",
                "GET /things response 200 .count: type [integer] became [string]",
                "POST /things request .kind: enum value B removed",
                "POST /things request .kind: now required",
                "DELETE /old: operation removed"), OpenApiCompatibility.breakingChanges(json(BEFORE), json(after)));
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
