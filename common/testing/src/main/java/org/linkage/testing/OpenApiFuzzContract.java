package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.linkage.testing.FuzzCases.Case;
import org.linkage.testing.FuzzCases.Operation;
import org.linkage.testing.FuzzCases.Target;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fuzz test, driven by the service's own OpenAPI document so that a new operation is fuzzed as soon as it is
 * documented. For every operation it sends, with a token of a role the operation allows, a valid request and then
 * one change at a time ({@link FuzzCases}): wrong types, boundary and huge numbers, NUL and 100k-char strings, wrong
 * and missing content types, truncated bodies, bad query and path values, missing, expired and foreign tokens. It
 * asserts that nothing answers 5xx, that every 4xx is problem+json, that a 400/422 names the field that was changed,
 * that no value the schema forbids is accepted with 2xx, that bad tokens get 401, and that a refused create leaves
 * the list it would have grown as it was. It prints what it sent per operation and the findings by category.
 * With {@code -Dlinkage.fuzz.report-only=true} it prints without failing.
 * A service's test extends this class and adds
 * {@code @QuarkusTest @WithTestResource(InfrastructureTestResource.class)}.
 */
public abstract class OpenApiFuzzContract {

    public static final String REPORT_ONLY = "linkage.fuzz.report-only";
    /** Keeps one operation's fuzz bounded: a body with many fields has its field cases thinned evenly. */
    private static final int MAX_CASES_PER_OPERATION = 160;
    private static final int MAX_BODY_READ = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The role the fuzzer calls an operation as: the first of these it allows (staff pass ownership checks). */
    private static final List<String> ROLE_PREFERENCE = List.of("admin", "social-worker", "integrator", "volunteer");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Whether the fuzz covers this path; all by default (a module's test-only resources may be left out). */
    protected boolean covers(String path) {
        return true;
    }

    /**
     * Values for an operation's path parameters by name, asked once per operation so that each may get a fresh
     * fixture (e.g. a volunteer it may change or erase); any other path value is a random id, which still fuzzes
     * the input checks that come before the lookup.
     */
    protected Map<String, String> pathValues(String path) {
        return Map.of();
    }

    /**
     * Values for top-level body fields of the operations on this path (e.g. the id of a station the example
     * names), asked once per operation; each replaces the example's value unless it is the field being fuzzed.
     */
    protected Map<String, String> bodyValues(String path) {
        return Map.of();
    }

    /**
     * Body fields (top level, by name) that must be unique in each request for it to succeed, e.g. a phone number,
     * with a supplier of fresh valid values; without them only the first request could pass the uniqueness check
     * and a forbidden value accepted by validation would hide behind a 409.
     */
    protected Map<String, Supplier<String>> uniqueFields() {
        return Map.of();
    }

    protected String tokenFor(String role) {
        return switch (role) {
            case "volunteer" -> Tokens.volunteer(UUID.randomUUID());
            case "social-worker" -> Tokens.socialWorker("sw-fuzz", "fuzz-community");
            case "admin" -> Tokens.admin("admin-fuzz");
            case "integrator" -> Tokens.integrator("fuzz-client", "needs:write", "webhooks:manage");
            default -> throw new IllegalArgumentException(role);
        };
    }

    private JsonNode document;
    private final List<String> notes = new ArrayList<>();

    /**
     * For {@link #pathValues}: creates a resource with the valid body of the document's POST on this path (the
     * given top-level fields replaced) as the operation's preferred role, and returns its id; if that is refused,
     * a random id (noted in the report).
     */
    protected String create(String path, Map<String, String> fields) {
        FuzzCases generator = new FuzzCases(document);
        Operation operation = generator.operations(document).stream()
                .filter(o -> o.method().equals("post") && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no POST " + path + " in the document"));
        JsonNode body = generator.baseBody(operation);
        if (body instanceof ObjectNode object) {
            fields.forEach(object::put);
            uniqueFields().forEach((name, value) -> {
                if (object.has(name)) {
                    object.put(name, value.get());
                }
            });
        }
        String role = ROLE_PREFERENCE.stream().filter(operation.roles()::contains).findFirst().orElse("admin");
        FuzzCases.Request request = generator.validRequest(operation, Map.of())
                .withBody("application/json", FuzzCases.bytes(body.toString()));
        Answer answer = send("post", path, request, tokenFor(role));
        try {
            String id = FuzzCases.json().readTree(answer.body()).path("id").asText("");
            if (answer.status() / 100 == 2 && !id.isEmpty()) {
                return id;
            }
        } catch (IOException e) {
            // noted below
        }
        notes.add("no fixture from POST " + path + ": " + answer.status() + " " + detailOf(answer));
        return UUID.randomUUID().toString();
    }

    record Answer(int status, String contentType, String body) {
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    record Finding(String category, String where) {
    }

    @Test
    void everyOperationWithstandsTheFuzz() {
        long started = System.nanoTime();
        document = document();
        FuzzCases generator = new FuzzCases(document);
        Map<String, String> tokens = new HashMap<>();
        Map<FuzzCases.Auth, String> badTokens = Map.of(
                FuzzCases.Auth.EXPIRED, Tokens.expired(UUID.randomUUID().toString(), "admin"),
                FuzzCases.Auth.FOREIGN, Tokens.fromOtherIssuer("admin-fuzz", "admin"),
                FuzzCases.Auth.FORGED, Tokens.forged("admin-fuzz", "admin"));
        List<Finding> findings = new ArrayList<>();
        StringBuilder report = new StringBuilder("Fuzz of ").append(document.path("info").path("title").asText())
                .append('\n');
        int sent = 0;
        int operations = 0;
        for (Operation operation : generator.operations(document)) {
            if (!covers(operation.path())) {
                continue;
            }
            operations++;
            String role = ROLE_PREFERENCE.stream().filter(operation.roles()::contains).findFirst().orElse(null);
            String token = role == null ? null : tokens.computeIfAbsent(role, this::tokenFor);
            List<Case> cases = capped(generator.cases(operation, pathValues(operation.path())));
            Map<String, String> bodyValues = operation.mediaType() == null ? Map.of() : bodyValues(operation.path());
            Optional<ListCount> listCount = listOf(document, operation);
            Long before = listCount.map(list -> list.count(cases.get(0).request(), token)).orElse(null);
            Map<Integer, Integer> statuses = new TreeMap<>();
            int accepted = 0;
            Answer valid = null;
            for (Case fuzzCase : cases) {
                String auth = switch (fuzzCase.request().auth()) {
                    case VALID -> token;
                    case NONE -> null;
                    default -> badTokens.get(fuzzCase.request().auth());
                };
                Answer answer = send(operation.method(), operation.path(), fresh(fuzzCase, bodyValues), auth);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() / 100 == 2 && fuzzCase.request().auth() == FuzzCases.Auth.VALID) {
                    accepted++;
                }
                valid = valid == null ? answer : valid;
                check(operation, fuzzCase, answer, valid.status(), findings);
            }
            if (before != null) {
                Long after = listCount.get().count(cases.get(0).request(), token);
                if (after != null && after - before > accepted) {
                    findings.add(new Finding("stored by a refused request", operation.id() + ": the list grew by "
                            + (after - before) + " but " + accepted + " requests were accepted"));
                }
            }
            sent += cases.size();
            report.append(String.format("  %-34s %-6s %-58s %4d requests as %-13s %s%n", operation.id(),
                    operation.method().toUpperCase(), operation.path(), cases.size(), role == null ? "-" : role,
                    statuses));
            if (valid != null && valid.status() >= 400) {
                // A refused valid request leaves the field cases unattributed: say why, so the example gets fixed.
                report.append("      the valid request was answered ").append(valid.status()).append(": ")
                        .append(detailOf(valid)).append('\n');
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.append(String.format("%d operations, %d requests in %.1f s; %d findings%n", operations, sent, seconds,
                findings.size()));
        notes.stream().distinct().forEach(note -> report.append("  note: ").append(note).append('\n'));
        report.append(summary(findings));
        System.out.println(report);
        write(report.toString());
        if (!findings.isEmpty() && !Boolean.getBoolean(REPORT_ONLY)) {
            fail(findings.size() + " fuzz findings (run with -D" + REPORT_ONLY + "=true to only print them):\n"
                    + summary(findings));
        }
    }

    /** The case's request with the given and fresh unique values in the fields it does not fuzz. */
    private FuzzCases.Request fresh(Case fuzzCase, Map<String, String> bodyValues) {
        FuzzCases.Request request = fuzzCase.request();
        if (uniqueFields().isEmpty() && bodyValues.isEmpty() || request.body() == null || request.body().length == 0) {
            return request;
        }
        try {
            JsonNode body = FuzzCases.json().readTree(request.body());
            if (!(body instanceof ObjectNode object)) {
                return request;
            }
            uniqueFields().forEach((name, value) -> {
                if (object.has(name) && !name.equals(fuzzCase.field())) {
                    object.put(name, value.get());
                }
            });
            bodyValues.forEach((name, value) -> {
                if (object.has(name) && !name.equals(fuzzCase.field())) {
                    object.put(name, value);
                }
            });
            return request.withBody(request.contentType(), FuzzCases.bytes(object.toString()));
        } catch (IOException e) {
            return request; // not JSON (a truncated body, a form): sent as it is
        }
    }

    /** What the document forbids must not be accepted, and every refusal must say what was wrong. */
    static void check(Operation operation, Case fuzzCase, Answer answer, int validStatus, List<Finding> findings) {
        int status = answer.status();
        String where = operation.id() + (fuzzCase.field() == null ? "" : " [" + fuzzCase.field() + "]") + " -> "
                + status;
        String kind = fuzzCase.kind();
        if (status == 0) {
            findings.add(new Finding("no answer: " + kind, where + " " + answer.body()));
            return;
        }
        if (status >= 500) {
            findings.add(new Finding("5xx: " + kind, where));
        } else if (status >= 400 && !answer.isProblem()) {
            findings.add(new Finding(status + " without problem+json: " + kind, where));
        }
        if (status / 100 == 2 && fuzzCase.forbidden()) {
            findings.add(new Finding("2xx for a value the schema forbids: " + kind, where));
        }
        if (fuzzCase.target() == Target.TOKEN && status != 401) {
            findings.add(new Finding("bad token not answered 401: " + kind, where));
        }
        // Only when the valid request passes the input checks can a 400 be pinned on the one field changed.
        boolean fieldAtFault = fuzzCase.field() != null && fuzzCase.forbidden() && validStatus != 400
                && validStatus != 422 && (fuzzCase.target() == Target.BODY || fuzzCase.target() == Target.QUERY);
        if (fieldAtFault && (status == 400 || status == 422) && answer.isProblem()
                && !names(answer, fuzzCase.field())) {
            findings.add(new Finding("problem does not name the field: " + kind, where));
        }
        if (fuzzCase.target() == Target.QUERY && fuzzCase.forbidden() && status == 404 && validStatus != 404) {
            findings.add(new Finding("404 for a bad query parameter: " + kind, where));
        }
    }

    private static String detailOf(Answer answer) {
        try {
            JsonNode problem = FuzzCases.json().readTree(answer.body());
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            return detail.length() > 200 ? detail.substring(0, 200) + "..." : detail;
        } catch (IOException e) {
            return "(not JSON)";
        }
    }

    /** Whether a violation or the detail names the field (its last step, e.g. "latitude" for "home.latitude"). */
    static boolean names(Answer answer, String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        String name = leaf.isEmpty() ? field : leaf;
        try {
            JsonNode problem = FuzzCases.json().readTree(answer.body());
            for (JsonNode violation : problem.path("violations")) {
                if (violation.path("field").asText().contains(name)) {
                    return true;
                }
            }
            return problem.path("detail").asText().contains(name);
        } catch (IOException e) {
            return false;
        }
    }

    /** All cases but the body-field ones, which are thinned evenly when there are too many. */
    static List<Case> capped(List<Case> cases) {
        if (cases.size() <= MAX_CASES_PER_OPERATION) {
            return cases;
        }
        List<Case> kept = new ArrayList<>(cases.stream().filter(c -> c.target() != Target.BODY).toList());
        List<Case> body = cases.stream().filter(c -> c.target() == Target.BODY).toList();
        int room = Math.max(0, MAX_CASES_PER_OPERATION - kept.size());
        for (int i = 0; i < room; i++) {
            kept.add(body.get((int) ((long) i * body.size() / room)));
        }
        return kept;
    }

    static String summary(List<Finding> findings) {
        Map<String, List<Finding>> byCategory = findings.stream()
                .collect(Collectors.groupingBy(Finding::category, TreeMap::new, Collectors.toList()));
        StringBuilder summary = new StringBuilder();
        byCategory.forEach((category, found) -> {
            summary.append(String.format("  %4d  %s%n", found.size(), category));
            found.stream().limit(3).forEach(f -> summary.append("          e.g. ").append(f.where()).append('\n'));
        });
        return summary.toString();
    }

    /** The list operation on the same path as a create (a GET answering a page), to count what a POST stored. */
    record ListCount(String path) {
        Long count(FuzzCases.Request request, String token) {
            Answer answer = send("get", path, new FuzzCases.Request(request.path(), Map.of(), null, null,
                    FuzzCases.Auth.VALID, null), token);
            if (answer.status() != 200) {
                return null;
            }
            try {
                JsonNode total = FuzzCases.json().readTree(answer.body()).path("totalItems");
                return total.isNumber() ? total.asLong() : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static Optional<ListCount> listOf(JsonNode document, Operation operation) {
        if (!operation.method().equals("post")) {
            return Optional.empty();
        }
        JsonNode list = document.path("paths").path(operation.path()).path("get");
        JsonNode schema = list.path("responses").path("200").path("content").path("application/json").path("schema");
        FuzzCases resolver = new FuzzCases(document);
        return resolver.resolve(schema).path("properties").has("totalItems")
                ? Optional.of(new ListCount(operation.path())) : Optional.empty();
    }

    static Answer send(String method, String path, FuzzCases.Request request, String token) {
        StringBuilder uri = new StringBuilder(RestAssured.baseURI).append(':').append(RestAssured.port)
                .append(RestAssured.basePath == null ? "" : RestAssured.basePath.replaceAll("/$", ""));
        String filled = path;
        for (Map.Entry<String, String> value : request.path().entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        uri.append(filled);
        String query = request.query().entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (!query.isEmpty()) {
            uri.append('?').append(query);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(TIMEOUT)
                .method(method.toUpperCase(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream body = response.body()) {
                // An event stream never ends: its headers are the answer.
                String text = type != null && type.startsWith("text/event-stream") ? ""
                        : new String(body.readNBytes(MAX_BODY_READ), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), type, text);
            }
        } catch (HttpTimeoutException e) {
            return new Answer(0, null, "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode document() {
        try {
            return FuzzCases.json().readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String report) {
        try {
            Files.createDirectories(Paths.get("target"));
            Files.writeString(Paths.get("target", "fuzz-report.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
