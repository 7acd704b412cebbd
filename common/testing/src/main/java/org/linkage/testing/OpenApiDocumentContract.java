package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every service's OpenAPI document keeps {@link OpenApiContract} and matches its committed snapshot,
 * {@code docs/api/<module>.openapi.json}, which integrators build on and CI lints (Spectral, .ci/run). A change
 * that would break a client of the snapshot ({@link OpenApiCompatibility}) fails, and so does any other difference,
 * until the snapshot is rewritten on purpose: {@code -Dlinkage.openapi.update-snapshot=true}, then commit it with a
 * line in docs/api/CHANGELOG.md. A service's test extends this class and adds
 * {@code @QuarkusTest @WithTestResource(InfrastructureTestResource.class)}.
 */
public abstract class OpenApiDocumentContract {

    static final String UPDATE_PROPERTY = "linkage.openapi.update-snapshot";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void everyOperationIsDocumentedForIntegrators() {
        assertEquals(List.of(), OpenApiContract.shortcomings(served()));
    }

    @Test
    void theDocumentMatchesItsSnapshotAndBreaksNoClientOfIt() throws IOException {
        JsonNode document = JSON.readTree(served());
        Path module = Path.of("").toAbsolutePath();
        Path snapshot = module.resolveSibling("docs").resolve("api")
                .resolve(module.getFileName() + ".openapi.json");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, JSON.writeValueAsString(document) + "\n");
            return;
        }
        if (!Files.exists(snapshot)) {
            fail("No snapshot at " + snapshot + "; write it with -D" + UPDATE_PROPERTY + "=true");
        }
        JsonNode committed = JSON.readTree(snapshot.toFile());
        List<String> breaking = OpenApiCompatibility.breakingChanges(committed, document);
        if (!breaking.isEmpty()) {
            fail("Changes that break clients of " + snapshot.getFileName() + " (deprecate first; if meant, rewrite the"
                    + " snapshot with -D" + UPDATE_PROPERTY + "=true and say so in docs/api/CHANGELOG.md):\n  "
                    + String.join("\n  ", breaking));
        }
        if (!committed.equals(document)) {
            fail("The document differs from " + snapshot.getFileName() + " (compatibly); rewrite the snapshot with -D"
                    + UPDATE_PROPERTY + "=true and commit it");
        }
    }

    /** The events' AsyncAPI document (common/events) is served beside the OpenAPI one, by every service. */
    @Test
    void theEventsDocumentIsServedBesideIt() {
        given().get("/linkage.asyncapi.json").then().statusCode(200)
                .body("asyncapi", org.hamcrest.Matchers.startsWith("3."))
                .body("channels.needEvents.address", org.hamcrest.Matchers.equalTo("linkage.need-events"));
    }

    private static String served() {
        return given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
    }
}
