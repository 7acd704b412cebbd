package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks each real answer a test receives against the service's committed OpenAPI document
 * ({@code docs/api/<module>.openapi.json}): its status must be documented for the operation, its media type too,
 * and a JSON body must validate against that response's schema (JSON Schema 2020-12, as OpenAPI 3.1 says, with
 * formats asserted). So a field the document does not declare nullable must not be null, and a field it declares
 * required must be there. As a RestAssured filter it fails the request's test with every violation; a service
 * turns it on for all its {@code @QuarkusTest}s with {@link OpenApiResponseValidation}.
 */
public final class OpenApiResponses implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<Path, OpenApiResponses> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int variables) {
    }

    private OpenApiResponses(JsonNode document) {
        this.document = document;
        document.path("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^}/]+}", "[^/]+")), path.split("\\{", -1).length - 1)));
        // A literal segment wins over a variable: /volunteers/me before /volunteers/{id}.
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    /** The document committed for the module the tests run in (its directory name), read once. */
    public static OpenApiResponses ofThisModule() {
        Path module = Path.of("").toAbsolutePath();
        return of(module.resolveSibling("docs").resolve("api").resolve(module.getFileName() + ".openapi.json"));
    }

    public static OpenApiResponses of(Path document) {
        return BY_DOCUMENT.computeIfAbsent(document, file -> {
            try {
                return new OpenApiResponses(JSON.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        List<String> problems = violations(request.getMethod(), URI.create(request.getURI()).getRawPath(),
                answer.getStatusCode(), answer.getContentType(), answer.asByteArray());
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + request.getURI()
                    + " does not keep the OpenAPI document:\n  " + String.join("\n  ", problems)
                    + "\n" + answer.asString());
        }
        return answer;
    }

    /** @return what in the answer the document does not allow; empty when it conforms or the path is not an API's */
    public List<String> violations(String method, String path, int status, String contentType, byte[] body) {
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        JsonNode operation = template.map(t -> document.path("paths").path(t.path()).path(method.toLowerCase()))
                .orElse(null);
        if (operation == null || operation.isMissingNode()) {
            return List.of(); // not an operation of the document (/q/health, /q/openapi, ...)
        }
        String where = method.toUpperCase() + " " + template.get().path() + " " + status;
        JsonNode answer = operation.path("responses").path(String.valueOf(status));
        if (answer.isMissingNode()) {
            answer = operation.path("responses").path(status / 100 + "XX");
        }
        if (answer.isMissingNode()) {
            answer = operation.path("responses").path("default");
        }
        if (answer.isMissingNode()) {
            return List.of(where + ": the status is not documented");
        }
        if (body.length == 0 || answer.path("content").isMissingNode()) {
            return body.length == 0 || status == 304 ? List.of() : List.of(where + ": a body, but none documented");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonNode content = answer.path("content").path(mediaType);
        if (content.isMissingNode()) {
            return List.of(where + ": media type " + mediaType + " is not documented, only "
                    + answer.path("content").properties().stream().map(Map.Entry::getKey).toList());
        }
        if (!mediaType.endsWith("json") || content.path("schema").isMissingNode()) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(where + ": not JSON: " + e.getMessage());
        }
        return schema(where + " " + mediaType, content.path("schema")).validate(json).stream()
                .map(ValidationMessage::getMessage).map(message -> where + ": " + message).toList();
    }

    /** The response's schema with the document's components beside it, so that its $refs resolve. */
    private JsonSchema schema(String key, JsonNode schema) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
            fields.forEachRemaining(field -> root.set(field.getKey(), field.getValue()));
            root.set("components", document.path("components"));
            return FACTORY.getSchema(root, CONFIG);
        });
    }
}
