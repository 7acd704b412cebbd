package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The role-by-operation matrix, driven by the service's OpenAPI document so that a new operation cannot slip past:
 * every route in the code is documented, every operation either declares the roles that may call it (the bearer
 * requirement's scopes, from {@code @RolesAllowed}) or is on the service's short public list, and every operation
 * answers no token, an expired, forged or foreign token, and one for another or no audience with 401, each
 * declared role with something other than a role denial, and every other role with a 403 role denial, all as
 * problem+json.
 * A service's test extends this class and adds {@code @QuarkusTest @WithTestResource(InfrastructureTestResource.class)}.
 */
public abstract class SecurityMatrixContract {

    public static final List<String> ROLES = List.of("volunteer", "social-worker", "admin", "integrator",
            "identity-provider");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String ROLE_FORBIDDEN = "https://linkage.dev/problems/forbidden-role";

    /** operationIds anyone may call without a token (e.g. a public catalogue); empty by default. */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    /** Whether the matrix covers this path; all by default (a module's test-only resources may be left out). */
    protected boolean covers(String path) {
        return true;
    }

    /** The package whose JAX-RS resources make up the service, e.g. "org.linkage.volunteer". */
    protected abstract String servicePackage();

    record Operation(String method, String path, String id, List<String> roles, boolean secured) {
        String where() {
            return method.toUpperCase() + " " + path + " (" + id + ")";
        }
    }

    @Test
    void everyRouteInTheCodeIsDocumented() {
        Set<String> documented = new TreeSet<>();
        operations().forEach(o -> documented.add(o.method().toUpperCase() + " " + o.path()));
        Set<String> hidden = new TreeSet<>(routesInCode());
        hidden.removeAll(documented);
        assertEquals(Set.of(), hidden, "routes missing from the OpenAPI document");
    }

    @Test
    void everyOperationDeclaresWhoMayCallIt() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations()) {
            boolean isPublic = publicOperations().contains(operation.id());
            if (isPublic && operation.secured()) {
                problems.add(operation.where() + " is on the public list but requires a token");
            } else if (!isPublic && (!operation.secured() || operation.roles().isEmpty())) {
                problems.add(operation.where() + " declares no roles");
            } else if (!ROLES.containsAll(operation.roles())) {
                problems.add(operation.where() + " names an unknown role: " + operation.roles());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noValidTokenMeansNoEntry() {
        List<String> problems = new ArrayList<>();
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("an expired token", Tokens.expired(UUID.randomUUID().toString(), "admin"));
        badTokens.put("a forged token", Tokens.forged("admin-1", "admin"));
        badTokens.put("another issuer's token", Tokens.fromOtherIssuer("admin-1", "admin"));
        badTokens.put("a token for another audience", Tokens.forAudience("another-api", "admin-1", "admin"));
        badTokens.put("a token without an audience", Tokens.withoutAudience("admin-1", "admin"));
        for (Operation operation : operations()) {
            if (!operation.secured()) {
                continue;
            }
            badTokens.forEach((what, token) -> {
                Response response = call(operation, token);
                if (response.statusCode() != 401 || !isProblem(response)) {
                    problems.add(operation.where() + " with " + what + ": " + response.statusCode());
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachRoleIsAllowedOrDeniedAsDeclared() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!operation.secured()) {
                continue;
            }
            for (String role : ROLES) {
                Response response = call(operation, tokenFor(role));
                boolean roleDenied = response.statusCode() == 403 && isProblem(response)
                        && ROLE_FORBIDDEN.equals(response.jsonPath().getString("type"));
                boolean allowed = operation.roles().contains(role);
                if (response.statusCode() == 401 || response.statusCode() >= 500) {
                    problems.add(operation.where() + " as " + role + ": " + response.statusCode());
                } else if (allowed && roleDenied) {
                    problems.add(operation.where() + " denies " + role + " although declared");
                } else if (!allowed && !roleDenied) {
                    problems.add(operation.where() + " lets " + role + " in: " + response.statusCode());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    protected String tokenFor(String role) {
        return switch (role) {
            case "volunteer" -> Tokens.volunteer(UUID.randomUUID());
            case "social-worker" -> Tokens.socialWorker("sw-matrix", "matrix-community");
            case "admin" -> Tokens.admin("admin-matrix");
            case "integrator" -> Tokens.integrator("matrix-client", "needs:write", "webhooks:manage");
            case "identity-provider" -> Tokens.identityProvider("matrix-idp");
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static boolean isProblem(Response response) {
        return String.valueOf(response.contentType()).startsWith("application/problem+json");
    }

    private static Response call(Operation operation, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (!operation.method().equals("get") && !operation.method().equals("delete")) {
            request.contentType("application/json").body("{}");
        }
        String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return request.request(operation.method().toUpperCase(), path);
    }

    private List<Operation> operations() {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey()) || !covers(path.getKey())) {
                return;
            }
            JsonNode security = entry.getValue().path("security");
            List<String> roles = new ArrayList<>();
            security.forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(scope -> roles.add(scope.asText()))));
            operations.add(new Operation(entry.getKey(), path.getKey(), entry.getValue().path("operationId").asText(),
                    roles, !security.isEmpty()));
        }));
        return operations;
    }

    /** "METHOD /path/{param}" for every resource method compiled into this module. */
    private Set<String> routesInCode() {
        java.nio.file.Path classes = Paths.get("target", "classes");
        Set<String> routes = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith(servicePackage()) || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = Stream.of(method.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                            .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(verb + " " + normalise(root.value() + (sub == null ? "" : "/" + sub.value())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return routes;
    }

    private static String normalise(String path) {
        String clean = ("/" + path).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }
}
