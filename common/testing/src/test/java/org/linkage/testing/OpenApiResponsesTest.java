package org.linkage.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiResponsesTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/things/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
              "/things/mine": {"get": {"responses": {"204": {"description": "none"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "name"], "properties": {
                 "id": {"$ref": "#/components/schemas/UUID"}, "name": {"type": "string"},
                 "note": {"type": ["string", "null"]}, "at": {"type": "string", "format": "date-time"}}},
               "UUID": {"type": "string", "format": "uuid"}}}}""";

    @TempDir
    Path directory;

    private List<String> check(String path, int status, String type, String body) throws IOException {
        Path file = directory.resolve("doc.json");
        Files.writeString(file, DOCUMENT);
        return OpenApiResponses.of(file).violations("GET", path, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConformingAnswerPassesAndDeclaredNullsAreAllowed() throws IOException {
        assertEquals(List.of(), check("/things/6f1c2b9e-0a51-4c4e-9d43-6b1b0b1f0a11", 200, "application/json",
                "{\"id\": \"6f1c2b9e-0a51-4c4e-9d43-6b1b0b1f0a11\", \"name\": \"x\", \"note\": null}"));
        assertEquals(List.of(), check("/things/mine", 204, null, ""), "the literal path, not {id}");
        assertEquals(List.of(), check("/elsewhere", 500, "text/plain", "boom"), "not an operation of the document");
    }

    @Test
    void undeclaredNullsMissingRequiredFieldsBadFormatsAndUndocumentedAnswersFail() throws IOException {
        String id = "/things/6f1c2b9e-0a51-4c4e-9d43-6b1b0b1f0a11";
        assertTrue(check(id, 200, "application/json", "{\"id\": \"6f1c2b9e-0a51-4c4e-9d43-6b1b0b1f0a11\", "
                + "\"name\": null}").toString().contains("name"));
        assertTrue(check(id, 200, "application/json", "{\"id\": \"6f1c2b9e-0a51-4c4e-9d43-6b1b0b1f0a11\"}")
                .toString().contains("name"));
        assertTrue(check(id, 200, "application/json", "{\"id\": \"nope\", \"name\": \"x\"}").toString()
                .contains("uuid"));
        assertTrue(check(id, 409, "application/problem+json", "{}").toString().contains("not documented"));
        assertTrue(check(id, 404, "application/json", "{}").toString().contains("media type"));
    }
}
