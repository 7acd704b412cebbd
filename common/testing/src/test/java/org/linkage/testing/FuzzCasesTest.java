package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.linkage.testing.FuzzCases.Case;
import org.linkage.testing.FuzzCases.Operation;
import org.linkage.testing.FuzzCases.Target;
import org.linkage.testing.OpenApiFuzzContract.Answer;
import org.linkage.testing.OpenApiFuzzContract.Finding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzCasesTest {

    private static final String DOCUMENT = """
            {"paths": {"/things/{id}": {
               "put": {"operationId": "putThing", "security": [{"bearer": ["admin", "volunteer"]}],
                 "parameters": [{"name": "id", "in": "path", "schema": {"$ref": "#/components/schemas/UUID"}},
                                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0}}],
                 "requestBody": {"required": true, "content": {"application/json": {
                   "schema": {"$ref": "#/components/schemas/Thing"},
                   "examples": {"one": {"value": {"name": "lamp"}}}}}}}}},
             "components": {"schemas": {
               "UUID": {"type": "string", "format": "uuid"},
               "Thing": {"type": "object", "required": ["name"], "properties": {
                 "name": {"type": "string", "maxLength": 10},
                 "count": {"type": "integer", "minimum": 1, "maximum": 9},
                 "home": {"type": "object", "properties": {"lat": {"type": "number", "maximum": 90}}},
                 "tags": {"type": "array", "items": {"type": "string", "enum": ["A", "B"]}}}}}}}
            """;

    private final JsonNode document = read(DOCUMENT);
    private final FuzzCases generator = new FuzzCases(document);
    private final Operation operation = generator.operations(document).get(0);

    @Test
    void readsTheOperationFromTheDocument() {
        assertEquals("putThing", operation.id());
        assertEquals(List.of("admin", "volunteer"), operation.roles());
        assertEquals("application/json", operation.mediaType());
        assertEquals("lamp", operation.example().path("name").asText());
    }

    @Test
    void everyFieldIsFoundAndNamed() {
        List<String> names = generator.fields(operation.bodySchema()).stream().map(FuzzCases.Field::name).toList();
        assertEquals(List.of("name", "count", "home", "home.lat", "tags", "tags[0]"), names);
    }

    @Test
    void oneFieldChangesAndTheRestOfTheExampleStays() {
        FuzzCases.Field lat = generator.fields(operation.bodySchema()).get(3);
        JsonNode body = generator.with(operation.example(), lat, read("1e308"));
        assertEquals("lamp", body.path("name").asText());
        assertEquals(1e308, body.path("home").path("lat").asDouble());
        FuzzCases.Field name = generator.fields(operation.bodySchema()).get(0);
        assertFalse(generator.with(operation.example(), name, null).has("name"));
    }

    @Test
    void theSchemaDecidesWhatIsForbidden() {
        List<Case> cases = generator.cases(operation, Map.of());
        assertEquals(Target.BASELINE, cases.get(0).target());
        assertTrue(forbidden(cases, "count", "2147483647"), "above the maximum");
        assertTrue(forbidden(cases, "count", "1.5 where integer"));
        assertTrue(forbidden(cases, "name", "100k-char string"), "beyond maxLength");
        assertTrue(forbidden(cases, "name", "NUL in string"));
        assertTrue(forbidden(cases, "name", "required field missing"));
        assertTrue(forbidden(cases, "tags[0]", "value outside the enum"));
        assertTrue(forbidden(cases, "page", "-1 (query)"), "below the minimum");
        assertFalse(forbidden(cases, "page", "2147483647 (query)"), "no maximum declared");
        assertTrue(forbidden(cases, "id", "not a UUID (path)"));
        assertTrue(cases.stream().anyMatch(c -> c.kind().equals("expired token")));
        assertTrue(cases.stream()
                .anyMatch(c -> c.kind().equals("no content type") && c.request().contentType() == null));
        Case truncated = cases.stream().filter(c -> c.kind().equals("truncated JSON")).findFirst().orElseThrow();
        assertFalse(new String(truncated.request().body(), StandardCharsets.UTF_8).endsWith("}"));
    }

    @Test
    void aFindingIsRaisedForEachBrokenPromise() {
        List<Case> cases = generator.cases(operation, Map.of());
        Case nul = find(cases, "name", "NUL in string");
        assertEquals(List.of("5xx: NUL in string"), categories(nul, new Answer(500, "application/problem+json", "{}")));
        assertEquals(List.of("2xx for a value the schema forbids: NUL in string"),
                categories(nul, new Answer(200, "application/json", "{}")));
        assertEquals(List.of("problem does not name the field: NUL in string"),
                categories(nul, new Answer(400, "application/problem+json", "{\"detail\": \"bad\"}")));
        assertEquals(List.of(), categories(nul, new Answer(400, "application/problem+json",
                "{\"violations\": [{\"field\": \"name\", \"message\": \"bad\"}]}")));
        assertEquals(List.of("415 without problem+json: NUL in string"), categories(nul, new Answer(415, null, "")));
        Case expired = cases.stream().filter(c -> c.kind().equals("expired token")).findFirst().orElseThrow();
        assertEquals(List.of("bad token not answered 401: expired token"),
                categories(expired, new Answer(404, "application/problem+json", "{}")));
    }

    @Test
    void agedTimesInAnExampleMoveToTheFutureTogether() {
        JsonNode body = FuzzCases.future(read("{\"window\": {\"start\": \"2020-01-01T08:00:00Z\", "
                + "\"end\": \"2020-01-01T10:00:00Z\"}, \"name\": \"lamp\"}"));
        java.time.Instant start = java.time.Instant.parse(body.path("window").path("start").asText());
        java.time.Instant end = java.time.Instant.parse(body.path("window").path("end").asText());
        assertTrue(start.isAfter(java.time.Instant.now()));
        assertEquals(java.time.Duration.ofHours(2), java.time.Duration.between(start, end));
        assertEquals("lamp", body.path("name").asText());
    }

    private List<String> categories(Case fuzzCase, Answer answer) {
        List<Finding> findings = new ArrayList<>();
        OpenApiFuzzContract.check(operation, fuzzCase, answer, 200, findings);
        return findings.stream().map(Finding::category).toList();
    }

    private static boolean forbidden(List<Case> cases, String field, String kind) {
        return find(cases, field, kind).forbidden();
    }

    private static Case find(List<Case> cases, String field, String kind) {
        return cases.stream().filter(c -> field.equals(c.field()) && c.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + kind + " for " + field));
    }

    private static JsonNode read(String json) {
        try {
            return FuzzCases.json().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
