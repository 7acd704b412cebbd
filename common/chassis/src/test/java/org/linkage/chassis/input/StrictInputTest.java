package org.linkage.chassis.input;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #16, strict input: what the chassis refuses on every operation of every service. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification json() {
        return given().contentType("application/json");
    }

    @Test
    void aControlCharacterAnywhereInABodyIsRefusedNamingTheField() {
        // Bodies are written with JSON escapes: a Java string could not carry a lone surrogate to the wire.
        Map<String, String> refused = Map.of(
                "{\"text\":\"a\\u0000b\"}", "text",
                "{\"items\":[{\"name\":\"ok\"},{\"name\":\"\\u0001\"}]}", "items[1].name",
                "{\"tags\":{\"colour\":\"\\u001b[31m\"}}", "tags.colour",
                "{\"tags\":{\"k\\u0000\":\"v\"}}", "tags",
                "{\"words\":[\"fine\",\"\\ud800\"]}", "words[1]",
                "{\"text\":\"\\uffff\"}", "text");
        refused.forEach((body, field) -> json().body(body).post("/test/strict/bodies")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/validation"))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString("不得包含控制字符")));
        json().body("{\"text\":\"tab\\there\\nline\\r\\nand \\ud83d\\ude00\"}").post("/test/strict/bodies")
                .then().statusCode(200).body("text", equalTo("tab\there\nline\r\nand \uD83D\uDE00"));
    }

    @Test
    void noScalarIsCoercedIntoAnotherType() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"text\":12}", "text"),
                Map.entry("{\"text\":true}", "text"),
                Map.entry("{\"count\":1.5}", "count"),
                Map.entry("{\"count\":\"12\"}", "count"),
                Map.entry("{\"count\":99999999999}", "count"),
                Map.entry("{\"flag\":\"yes\"}", "flag"),
                Map.entry("{\"flag\":1}", "flag"),
                Map.entry("{\"day\":20260501}", "day"),
                Map.entry("{\"day\":\"\"}", "day"),
                Map.entry("{\"at\":1700000000}", "at"),
                Map.entry("{\"kind\":0}", "kind"),
                Map.entry("{\"ratio\":1e999}", "ratio"),
                Map.entry("{\"ratio\":\"0.5\"}", "ratio"),
                Map.entry("{\"items\":[{\"name\":[1]}]}", "items[0].name"));
        refused.forEach((body, field) -> json().body(body).post("/test/strict/bodies")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo(field)));
        json().body("{\"text\":\"a\"} {\"text\":\"b\"}").post("/test/strict/bodies")
                .then().statusCode(400).contentType(PROBLEM);
        // A primitive field left out takes its default: optional flags (a consent) are often left out by apps.
        json().body("{}").post("/test/strict/ranks").then().statusCode(200).body("rank", equalTo(0));
        json().body("{\"rank\":2}").post("/test/strict/ranks").then().statusCode(200).body("rank", equalTo(2));
        json().body("{\"count\":12,\"ratio\":1,\"flag\":false,\"day\":\"2026-05-01\",\"kind\":\"RED\"}")
                .post("/test/strict/bodies").then().statusCode(200)
                .body("count", equalTo(12)).body("ratio", equalTo(1.0f)).body("day", equalTo("2026-05-01"));
    }

    @Test
    void unknownFieldsAreIgnoredButKnownOnesKeepTheirType() {
        json().body("{\"text\":\"a\",\"fieldOfANewerApp\":{\"nested\":[1,2]}}").post("/test/strict/bodies")
                .then().statusCode(200).body("text", equalTo("a")).body("$", not(org.hamcrest.Matchers
                        .hasKey("fieldOfANewerApp")));
    }

    @Test
    void parametersAreReadAsStrictlyAsBodies() {
        String id = UUID.randomUUID().toString();
        Map<String, String> refused = Map.of(
                "/test/strict/params/" + id + "?q=a%00b", "q",
                "/test/strict/params/a%00b", "id",
                "/test/strict/params/" + id + "?page=99999999999", "page",
                "/test/strict/params/" + id + "?page=1.5", "page",
                "/test/strict/params/" + id + "?page=-1", "page",
                "/test/strict/params/" + id + "?flag=yes", "flag",
                "/test/strict/params/" + id + "?kind=BLUE", "kind");
        refused.forEach((url, field) -> given().urlEncodingEnabled(false).get(url)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo(field)));
        // A path segment that cannot be an id names nothing: 404, naming the parameter.
        given().get("/test/strict/params/1-1-1-1-1").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/not-found"))
                .body("violations[0].field", equalTo("id"));
        given().urlEncodingEnabled(false).get("/test/strict/params/" + id + "?page=2147483647&flag=true&kind=GREEN")
                .then().statusCode(200).body("page", equalTo(Integer.MAX_VALUE)).body("kind", equalTo("GREEN"));
    }

    /** The HTTP codec refuses it before the application sees it: a bare 400, the one answer that is no problem. */
    @Test
    void aControlCharacterInAHeaderIsRefused() throws IOException {
        String answer = raw("GET /test/strict/params/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Note: a\u0001b\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    @Test
    void aBodyWithoutItsDeclaredTypeIs415() throws IOException {
        given().contentType("text/plain").body("{\"text\":\"a\"}").post("/test/strict/bodies")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/unsupported-media-type"));
        String body = "{\"text\":\"a\"}";
        String answer = raw("POST /test/strict/bodies HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 415"), answer);
        assertTrue(answer.contains(PROBLEM) && answer.contains("unsupported-media-type"), answer);
    }

    @Test
    void theHttpLayersOwnAnswersAreProblems() throws IOException {
        given().get("/test/no-such-path").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/not-found"));
        given().delete("/test/strict/bodies").then().statusCode(405).contentType(PROBLEM)
                .body("status", equalTo(405));
        given().accept("text/csv").get("/test/strict/params/" + UUID.randomUUID())
                .then().statusCode(406).contentType(PROBLEM).body("status", equalTo(406));
        given().get("/test/strict/params/" + UUID.randomUUID() + "?q=" + "x".repeat(10_000))
                .then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/uri-too-long"));
        // Announces 2 MB (the limit is 1 MB) and sends a little: the answer comes before the rest is read.
        String answer = raw("POST /test/strict/bodies HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: 2000000\r\n\r\n{\"text\":\"");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains(PROBLEM) && answer.contains("payload-too-large"), answer);
    }

    @Test
    void aServerErrorHasATypeAndACorrelationIdAndNothingElse() {
        var response = given().get("/test/strict/failure").then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/internal-error"))
                .header("X-Correlation-Id", notNullValue())
                .body("detail", not(containsString("secret")))
                .extract();
        String id = response.header("X-Correlation-Id");
        assertTrue(response.path("detail").toString().equals("错误编号 " + id), response.asString());
    }

    @Test
    void aConcurrentChangeIs409Or412WithIfMatch() {
        given().post("/test/strict/stale").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/conflict"));
        given().header("If-Match", "\"3\"").post("/test/strict/stale").then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("https://linkage.dev/problems/precondition-failed"));
    }

    /** A request as bytes on a socket, for what an HTTP client library would not send; the answer as text. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketException closedWhileReading) {
                // The server may reset the connection after answering; what arrived is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
