package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The requests {@link OpenApiFuzzContract} sends to one operation, derived from the OpenAPI document alone: a valid
 * request built from the operation's example (or its schema), then one change at a time (a body field, a query or
 * path parameter, the token, the content type) so that a refusal can be pinned on what was changed. Each case says
 * whether the document forbids what it sends; no HTTP here.
 */
final class FuzzCases {

    static final String NUL = "fuzz\u0000nul";
    static final String LONG = "x".repeat(100_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "linkage-fuzz-boundary";
    /** A 1x1 PNG, for binary form fields. */
    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE"
            + "QVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final BigInteger HUGE = new BigInteger("99999999999999999999");
    private static final Set<String> DATE_FORMATS = Set.of("date", "date-time", "time", "local-time");

    enum Target { BASELINE, BODY, QUERY, PATH, TOKEN, MEDIA }

    /** How the request is authenticated: the operation's role, none, or a token that must be refused. */
    enum Auth { VALID, NONE, EXPIRED, FOREIGN, FORGED }

    /** What is sent: path values and query by name, unencoded. */
    record Request(Map<String, String> path, Map<String, String> query, String contentType, byte[] body, Auth auth,
                   String accept) {
        Request withQuery(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(query);
            changed.put(name, value);
            return new Request(path, changed, contentType, body, auth, accept);
        }

        Request withPath(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(path);
            changed.put(name, value);
            return new Request(changed, query, contentType, body, auth, accept);
        }

        Request withBody(String type, byte[] content) {
            return new Request(path, query, type, content, auth, accept);
        }

        Request withAuth(Auth value) {
            return new Request(path, query, contentType, body, value, accept);
        }

        Request withAccept(String value) {
            return new Request(path, query, contentType, body, auth, value);
        }
    }

    /** One request: what was changed (kind), where (target, field), whether the document forbids it. */
    record Case(String kind, Target target, String field, boolean forbidden, Request request) {
    }

    /** An operation of the document, with its parameters and request body resolved. */
    record Operation(String method, String path, String id, List<String> roles, boolean secured,
                     List<JsonNode> parameters, String mediaType, JsonNode bodySchema, JsonNode example,
                     boolean bodyRequired, String accept) {
        String where() {
            return method.toUpperCase() + " " + path + " (" + id + ")";
        }
    }

    /** A field of a body: its path (names and list indexes), the schema of each step, whether it is required. */
    record Field(List<Object> path, List<JsonNode> schemas, boolean required) {
        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(step);
                }
            }
            return name.toString();
        }

        JsonNode schema() {
            return schemas.get(schemas.size() - 1);
        }
    }

    record Mutation(String kind, JsonNode value, boolean forbidden) {
    }

    private final JsonNode schemas;

    FuzzCases(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    /** Every operation of the document, in document order. */
    List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Set<String> methods = Set.of("get", "post", "put", "patch", "delete");
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!methods.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            List<String> roles = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(scope -> roles.add(scope.asText()))));
            List<JsonNode> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameters::add);
            String mediaType = null;
            JsonNode bodySchema = null;
            JsonNode example = null;
            JsonNode content = operation.path("requestBody").path("content");
            if (content.isObject() && content.size() > 0) {
                // The first declared type is the one the operation is documented for (multipart before JSON).
                var first = content.fields().next();
                mediaType = first.getKey();
                bodySchema = first.getValue().path("schema");
                example = first.getValue().path("example");
                if (example.isMissingNode()) {
                    var examples = first.getValue().path("examples").elements();
                    example = examples.hasNext() ? examples.next().path("value") : null;
                }
            }
            operations.add(new Operation(entry.getKey(), path.getKey(), operation.path("operationId").asText(),
                    roles, !operation.path("security").isEmpty(), parameters, mediaType, bodySchema,
                    example == null || example.isMissingNode() ? null : example,
                    operation.path("requestBody").path("required").asBoolean(false), accept(operation)));
        }));
        return operations;
    }

    /** An event stream must be asked for; any other answer is taken as the server chooses it. */
    private static String accept(JsonNode operation) {
        List<String> types = new ArrayList<>();
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").fieldNames().forEachRemaining(types::add);
            }
        });
        return types.contains("text/event-stream") ? "text/event-stream" : null;
    }

    /** All cases for an operation: the valid request first, then one change at a time. */
    List<Case> cases(Operation operation, Map<String, String> knownPathValues) {
        Request valid = validRequest(operation, knownPathValues);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("valid request", Target.BASELINE, null, false, valid));
        if (operation.secured()) {
            cases.add(new Case("no token", Target.TOKEN, null, true, valid.withAuth(Auth.NONE)));
            cases.add(new Case("expired token", Target.TOKEN, null, true, valid.withAuth(Auth.EXPIRED)));
            cases.add(new Case("another issuer's token", Target.TOKEN, null, true, valid.withAuth(Auth.FOREIGN)));
            cases.add(new Case("forged token", Target.TOKEN, null, true, valid.withAuth(Auth.FORGED)));
        }
        cases.add(new Case("Accept: application/xml", Target.MEDIA, null, false,
                valid.withAccept("application/xml")));
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "query" -> {
                    for (Mutation mutation : parameterMutations(schema)) {
                        cases.add(new Case(mutation.kind() + " (query)", Target.QUERY, name, mutation.forbidden(),
                                valid.withQuery(name, mutation.value().asText())));
                    }
                }
                case "path" -> {
                    if ("uuid".equals(schema.path("format").asText())) {
                        cases.add(new Case("not a UUID (path)", Target.PATH, name, true,
                                valid.withPath(name, "not-a-uuid")));
                    }
                    cases.add(new Case("NUL in string (path)", Target.PATH, name, true, valid.withPath(name, NUL)));
                }
                default -> {
                }
            }
        }
        if (operation.mediaType() != null) {
            cases.addAll(bodyCases(operation, valid));
        }
        return cases;
    }

    private List<Case> bodyCases(Operation operation, Request valid) {
        List<Case> cases = new ArrayList<>();
        String type = operation.mediaType();
        JsonNode base = baseBody(operation);
        if (type.equals("application/json")) {
            String text = base.toString();
            cases.add(new Case("text/plain body", Target.MEDIA, null, true, valid.withBody("text/plain", bytes(text))));
            cases.add(new Case("no content type", Target.MEDIA, null, true, valid.withBody(null, bytes(text))));
            cases.add(new Case("truncated JSON", Target.MEDIA, null, true,
                    valid.withBody(type, bytes(text.substring(0, text.length() / 2)))));
            if (operation.bodyRequired()) {
                cases.add(new Case("empty body", Target.MEDIA, null, true, valid.withBody(type, new byte[0])));
            }
            for (Field field : fields(operation.bodySchema())) {
                for (Mutation mutation : mutations(field)) {
                    JsonNode body = with(base, field, mutation.value());
                    cases.add(new Case(mutation.kind(), Target.BODY, field.name(), mutation.forbidden(),
                            valid.withBody(type, bytes(body.toString()))));
                }
            }
        } else if (type.equals("multipart/form-data")) {
            byte[] form = multipart(base, resolve(operation.bodySchema()));
            cases.add(new Case("truncated multipart", Target.MEDIA, null, true,
                    valid.withBody(valid.contentType(), java.util.Arrays.copyOf(form, form.length / 2))));
            cases.add(new Case("no content type", Target.MEDIA, null, true, valid.withBody(null, form)));
            JsonNode properties = resolve(operation.bodySchema()).path("properties");
            properties.fields().forEachRemaining(property -> {
                JsonNode schema = resolve(property.getValue());
                if (!"string".equals(typeOf(schema)) || "binary".equals(schema.path("format").asText())) {
                    return;
                }
                for (String[] bad : new String[][] {{"NUL in string", NUL, "true"},
                        {"100k-char string", LONG, String.valueOf(schema.has("maxLength"))}}) {
                    ObjectNode changed = ((ObjectNode) base.deepCopy()).put(property.getKey(), bad[1]);
                    cases.add(new Case(bad[0] + " (form)", Target.BODY, property.getKey(),
                            Boolean.parseBoolean(bad[2]), valid.withBody(valid.contentType(),
                            multipart(changed, resolve(operation.bodySchema())))));
                }
            });
        } else {
            // CSV and other text: the cell may be refused as a row of a 200 report, so only no 5xx is asked.
            String text = base.isTextual() ? base.asText() : base.toString();
            int cut = text.indexOf('\n') + 1;
            String withNul = cut > 0 ? text.substring(0, cut) + NUL + text.substring(cut) : NUL + text;
            cases.add(new Case("NUL in text body", Target.BODY, null, false, valid.withBody(type, bytes(withNul))));
            cases.add(new Case("truncated text body", Target.MEDIA, null, false,
                    valid.withBody(type, bytes(text.substring(0, text.length() / 2)))));
            cases.add(new Case("no content type", Target.MEDIA, null, false, valid.withBody(null, bytes(text))));
        }
        return cases;
    }

    Request validRequest(Operation operation, Map<String, String> knownPathValues) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String value = parameter.has("example") ? parameter.path("example").asText() : valid(schema, 0).asText();
            switch (parameter.path("in").asText()) {
                case "path" -> path.put(name, knownPathValues.getOrDefault(name,
                        "uuid".equals(schema.path("format").asText()) || !parameter.has("example")
                                ? UUID.randomUUID().toString() : value));
                case "query" -> {
                    // A documented example is a value the operation takes (an admin may have to name an owner).
                    if (parameter.path("required").asBoolean(false) || parameter.has("example")) {
                        query.put(name, value);
                    }
                }
                default -> {
                }
            }
        }
        Request request = new Request(path, query, null, null, Auth.VALID, operation.accept());
        if (operation.mediaType() == null) {
            return request;
        }
        JsonNode base = baseBody(operation);
        return switch (operation.mediaType()) {
            case "application/json" -> request.withBody("application/json", bytes(base.toString()));
            case "multipart/form-data" -> request.withBody("multipart/form-data; boundary=" + BOUNDARY,
                    multipart(base, resolve(operation.bodySchema())));
            default -> request.withBody(operation.mediaType(),
                    bytes(base.isTextual() ? base.asText() : base.toString()));
        };
    }

    /** The operation's example if it has one, else a value built from the schema; its times moved to the future. */
    JsonNode baseBody(Operation operation) {
        return future(operation.example() != null ? operation.example() : valid(operation.bodySchema(), 0));
    }

    /**
     * Examples age: a time window written as "next week" is in the past a month later and refused. Every instant
     * in the body moves by the same whole number of days so that the earliest is tomorrow or later.
     */
    static JsonNode future(JsonNode body) {
        List<JsonNode> texts = new ArrayList<>();
        collectTexts(body, texts);
        Instant earliest = null;
        for (JsonNode text : texts) {
            Instant instant = instant(text.asText());
            earliest = instant != null && (earliest == null || instant.isBefore(earliest)) ? instant : earliest;
        }
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        if (earliest == null || earliest.isAfter(tomorrow)) {
            return body;
        }
        long days = ChronoUnit.DAYS.between(earliest, tomorrow) + 1;
        return shift(body.deepCopy(), days);
    }

    private static JsonNode shift(JsonNode node, long days) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(shift(e.getValue(), days)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shift(array.get(i), days));
            }
        } else if (node.isTextual() && instant(node.asText()) != null) {
            return NODES.textNode(instant(node.asText()).plus(days, ChronoUnit.DAYS).toString());
        }
        return node;
    }

    private static void collectTexts(JsonNode node, List<JsonNode> out) {
        if (node.isTextual()) {
            out.add(node);
        }
        node.forEach(child -> collectTexts(child, out));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The schema with its {@code $ref} followed; the referring node's own keys win. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema == null ? NODES.objectNode() : schema;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            String ref = current.path("$ref").asText();
            JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            ObjectNode merged = target.isObject() ? target.deepCopy() : NODES.objectNode();
            current.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = merged;
        }
        return current;
    }

    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "";
    }

    /** A value the schema allows: its example, default or first enum value, else one built from its type. */
    JsonNode valid(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.path("example");
        }
        if (schema.has("default")) {
            return schema.path("default");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        return switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> {
                        if (!resolve(p.getValue()).path("readOnly").asBoolean(false)) {
                            object.set(p.getKey(), valid(p.getValue(), depth + 1));
                        }
                    });
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asLong()
                    : schema.has("maximum") ? Math.min(1, schema.path("maximum").asLong()) : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asDouble()
                    : schema.has("maximum") ? Math.min(1.0, schema.path("maximum").asDouble()) : 1.0);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(switch (schema.path("format").asText()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> LocalDate.now().plusDays(7).toString();
                case "date-time" -> Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
                case "time", "local-time" -> "10:00:00";
                case "email" -> "fuzz@example.org";
                case "uri", "url" -> "https://example.org/fuzz";
                default -> "fuzz" + "z".repeat(Math.max(0, schema.path("minLength").asInt(0) - 4));
            });
        };
    }

    /** Every field of a body schema, depth first, list elements as index 0, at most four levels deep. */
    List<Field> fields(JsonNode bodySchema) {
        List<Field> fields = new ArrayList<>();
        collect(resolve(bodySchema), new ArrayList<>(), new ArrayList<>(), fields, new HashSet<>());
        return fields;
    }

    private void collect(JsonNode schema, List<Object> path, List<JsonNode> schemas, List<Field> out,
                         Set<String> seen) {
        if (path.size() >= 4) {
            return;
        }
        switch (typeOf(schema)) {
            case "object" -> {
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").fields().forEachRemaining(property -> {
                    JsonNode child = resolve(property.getValue());
                    if (child.path("readOnly").asBoolean(false)) {
                        return;
                    }
                    List<Object> childPath = new ArrayList<>(path);
                    childPath.add(property.getKey());
                    List<JsonNode> childSchemas = new ArrayList<>(schemas);
                    childSchemas.add(child);
                    out.add(new Field(childPath, childSchemas, required.contains(property.getKey())));
                    collect(child, childPath, childSchemas, out, seen);
                });
            }
            case "array" -> {
                JsonNode items = resolve(schema.path("items"));
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(0);
                List<JsonNode> childSchemas = new ArrayList<>(schemas);
                childSchemas.add(items);
                out.add(new Field(childPath, childSchemas, false));
                collect(items, childPath, childSchemas, out, seen);
            }
            default -> {
            }
        }
    }

    /** The wrong values for one field, each marked whether the schema forbids it. */
    List<Mutation> mutations(Field field) {
        JsonNode schema = field.schema();
        List<Mutation> mutations = new ArrayList<>();
        if (field.required()) {
            mutations.add(new Mutation("required field missing", null, true));
        }
        Double minimum = schema.has("minimum") ? schema.path("minimum").asDouble() : null;
        Double maximum = schema.has("maximum") ? schema.path("maximum").asDouble() : null;
        String format = schema.path("format").asText();
        switch (typeOf(schema)) {
            case "string" -> {
                mutations.add(new Mutation("number where string", NODES.numberNode(12345), true));
                mutations.add(new Mutation("boolean where string", NODES.booleanNode(true), true));
                mutations.add(new Mutation("array where string", NODES.arrayNode().add("fuzz"), true));
                mutations.add(new Mutation("object where string", NODES.objectNode().put("fuzz", "fuzz"), true));
                mutations.addAll(textMutations(schema));
                if (DATE_FORMATS.contains(format)) {
                    mutations.add(new Mutation("integer where " + format, NODES.numberNode(20240101), true));
                    mutations.add(new Mutation("impossible " + format, NODES.textNode("2024-13-45"), true));
                }
            }
            case "integer" -> {
                mutations.add(new Mutation("string where integer", NODES.textNode("12"), true));
                mutations.add(new Mutation("1.5 where integer", NODES.numberNode(1.5), true));
                mutations.add(new Mutation("2147483647", NODES.numberNode(Integer.MAX_VALUE),
                        maximum != null && maximum < Integer.MAX_VALUE));
                mutations.add(new Mutation("-1", NODES.numberNode(-1), minimum != null && minimum > -1));
                mutations.add(new Mutation("99999999999999999999", NODES.numberNode(HUGE), true));
                mutations.add(new Mutation("1e308 where integer", NODES.numberNode(1e308), true));
            }
            case "number" -> {
                mutations.add(new Mutation("string where number", NODES.textNode("1.5"), true));
                mutations.add(new Mutation("-1", NODES.numberNode(-1), minimum != null && minimum > -1));
                mutations.add(new Mutation("1e308", NODES.numberNode(1e308), maximum != null));
                mutations.add(new Mutation("99999999999999999999", NODES.numberNode(HUGE), maximum != null));
            }
            case "boolean" -> {
                mutations.add(new Mutation("\"yes\" where boolean", NODES.textNode("yes"), true));
                mutations.add(new Mutation("number where boolean", NODES.numberNode(1), true));
            }
            case "array" -> {
                mutations.add(new Mutation("string where array", NODES.textNode("fuzz"), true));
                mutations.add(new Mutation("object where array", NODES.objectNode(), true));
            }
            case "object" -> {
                mutations.add(new Mutation("string where object", NODES.textNode("fuzz"), true));
                mutations.add(new Mutation("array where object", NODES.arrayNode(), true));
            }
            default -> {
            }
        }
        return mutations;
    }

    /** Wrong text for a string, whether in a body or a parameter: NUL, 100k characters, outside its enum or format. */
    private static List<Mutation> textMutations(JsonNode schema) {
        String format = schema.path("format").asText();
        List<Mutation> mutations = new ArrayList<>();
        mutations.add(new Mutation("NUL in string", NODES.textNode(NUL), true));
        boolean bounded = schema.path("maxLength").asInt(Integer.MAX_VALUE) < LONG.length()
                || schema.has("enum") || !format.isEmpty();
        mutations.add(new Mutation("100k-char string", NODES.textNode(LONG), bounded));
        if (schema.has("enum")) {
            mutations.add(new Mutation("value outside the enum", NODES.textNode("NOT_A_VALUE"), true));
        }
        if (format.equals("uuid")) {
            mutations.add(new Mutation("not a UUID", NODES.textNode("not-a-uuid"), true));
        }
        return mutations;
    }

    /** Wrong values for a query parameter, as text. */
    List<Mutation> parameterMutations(JsonNode schema) {
        Double minimum = schema.has("minimum") ? schema.path("minimum").asDouble() : null;
        Double maximum = schema.has("maximum") ? schema.path("maximum").asDouble() : null;
        String format = schema.path("format").asText();
        List<Mutation> mutations = new ArrayList<>();
        switch (typeOf(schema)) {
            case "integer" -> {
                mutations.add(new Mutation("string where integer", NODES.textNode("abc"), true));
                mutations.add(new Mutation("1.5 where integer", NODES.textNode("1.5"), true));
                mutations.add(new Mutation("2147483647", NODES.textNode("2147483647"),
                        maximum != null && maximum < Integer.MAX_VALUE));
                mutations.add(new Mutation("-1", NODES.textNode("-1"), minimum != null && minimum > -1));
                mutations.add(new Mutation("99999999999999999999", NODES.textNode(HUGE.toString()), true));
                mutations.add(new Mutation("1e308 where integer", NODES.textNode("1e308"), true));
            }
            case "number" -> {
                mutations.add(new Mutation("string where number", NODES.textNode("abc"), true));
                mutations.add(new Mutation("-1", NODES.textNode("-1"), minimum != null && minimum > -1));
                mutations.add(new Mutation("1e308", NODES.textNode("1e308"), maximum != null));
            }
            case "boolean" -> mutations.add(new Mutation("\"yes\" where boolean", NODES.textNode("yes"), true));
            default -> {
                mutations.addAll(textMutations(schema));
                if (DATE_FORMATS.contains(format)) {
                    mutations.add(new Mutation("integer where " + format, NODES.textNode("20240101"), true));
                }
            }
        }
        return mutations;
    }

    /**
     * A copy of the body with one field set (or removed when value is null); missing objects and list elements on
     * the way are built from their schemas, so a field the example leaves out is fuzzed too.
     */
    JsonNode with(JsonNode base, Field field, JsonNode value) {
        List<Object> path = field.path();
        // A body that is a list (e.g. a provider's batch of reports) has paths starting with an element's index.
        boolean listBody = path.get(0) instanceof Integer;
        JsonNode root = base.deepCopy();
        if (listBody ? !root.isArray() : !root.isObject()) {
            root = listBody ? NODES.arrayNode() : NODES.objectNode();
        }
        JsonNode container = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            JsonNode next = step instanceof Integer index ? container.path(index) : container.path((String) step);
            boolean wantsArray = path.get(i + 1) instanceof Integer;
            if (wantsArray ? !next.isArray() : !next.isObject()) {
                next = valid(field.schemas().get(i), 0);
                if (wantsArray ? !next.isArray() : !next.isObject()) {
                    next = wantsArray ? NODES.arrayNode() : NODES.objectNode();
                }
                put(container, step, next);
            }
            if (wantsArray && next.isEmpty()) {
                ((ArrayNode) next).add(valid(field.schemas().get(i + 1), 0));
            }
            container = next;
        }
        Object last = path.get(path.size() - 1);
        if (value == null) {
            if (container instanceof ObjectNode object) {
                object.remove((String) last);
            } else if (container instanceof ArrayNode array && !array.isEmpty()) {
                array.remove(0);
            }
        } else {
            put(container, last, value);
        }
        return root;
    }

    private static void put(JsonNode container, Object step, JsonNode value) {
        if (container instanceof ObjectNode object && step instanceof String name) {
            object.set(name, value);
        } else if (container instanceof ArrayNode array && step instanceof Integer index) {
            if (array.size() > index) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        }
    }

    /** A multipart form of the body's fields; a binary field gets a tiny PNG. */
    byte[] multipart(JsonNode body, JsonNode schema) {
        StringBuilder text = new StringBuilder();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        body.fields().forEachRemaining(field -> {
            boolean binary = "binary".equals(resolve(schema.path("properties").path(field.getKey()))
                    .path("format").asText());
            text.setLength(0);
            text.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(field.getKey()).append('"');
            if (binary) {
                text.append("; filename=\"fuzz.png\"\r\nContent-Type: image/png\r\n\r\n");
                out.writeBytes(bytes(text.toString()));
                out.writeBytes(PNG);
                out.writeBytes(bytes("\r\n"));
            } else {
                text.append("\r\n\r\n").append(field.getValue().isTextual() ? field.getValue().asText()
                        : field.getValue().toString()).append("\r\n");
                out.writeBytes(bytes(text.toString()));
            }
        });
        out.writeBytes(bytes("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ObjectMapper json() {
        return JSON;
    }
}
