package org.linkage.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes between two versions of an OpenAPI document that break a client built on the older one: an operation
 * or parameter removed, a parameter or request field newly required, a response field removed, a type changed, or
 * an enum value a client may send removed. Additions elsewhere are compatible.
 */
public final class OpenApiCompatibility {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode before;
    private final JsonNode after;
    private final List<String> breaking = new ArrayList<>();

    private OpenApiCompatibility(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    /** @return one line per breaking change, in document order; empty when a client of {@code before} still works */
    public static List<String> breakingChanges(JsonNode before, JsonNode after) {
        OpenApiCompatibility check = new OpenApiCompatibility(before, after);
        check.comparePaths();
        return List.copyOf(check.breaking);
    }

    private void comparePaths() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = before.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode newPath = after.path("paths").path(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode newOp = newPath.path(op.getKey());
                if (newOp.isMissingNode()) {
                    breaking.add(where + ": operation removed");
                    continue;
                }
                compareParameters(where, op.getValue(), newOp);
                compareRequest(where, op.getValue().path("requestBody"), newOp.path("requestBody"));
                compareResponses(where, op.getValue().path("responses"), newOp.path("responses"));
            }
        }
    }

    private void compareParameters(String where, JsonNode oldOp, JsonNode newOp) {
        for (JsonNode parameter : oldOp.path("parameters")) {
            JsonNode kept = parameter(newOp, parameter.path("name").asText(), parameter.path("in").asText());
            String name = where + " parameter " + parameter.path("name").asText();
            if (kept == null) {
                breaking.add(name + ": removed");
                continue;
            }
            if (kept.path("required").asBoolean() && !parameter.path("required").asBoolean()) {
                breaking.add(name + ": now required");
            }
            compareSchemas(name, resolve(before, parameter.path("schema")), resolve(after, kept.path("schema")),
                    Direction.REQUEST, new HashSet<>());
        }
        for (JsonNode parameter : newOp.path("parameters")) {
            if (parameter.path("required").asBoolean()
                    && parameter(oldOp, parameter.path("name").asText(), parameter.path("in").asText()) == null) {
                breaking.add(where + " parameter " + parameter.path("name").asText() + ": new and required");
            }
        }
    }

    private static JsonNode parameter(JsonNode operation, String name, String in) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name) && parameter.path("in").asText().equals(in)) {
                return parameter;
            }
        }
        return null;
    }

    private void compareRequest(String where, JsonNode oldBody, JsonNode newBody) {
        if (oldBody.isMissingNode()) {
            if (newBody.path("required").asBoolean()) {
                breaking.add(where + ": a request body is now required");
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = oldBody.path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode newType = newBody.path("content").path(type.getKey());
            if (newType.isMissingNode()) {
                breaking.add(where + " request " + type.getKey() + ": no longer accepted");
                continue;
            }
            compareSchemas(where + " request", resolve(before, type.getValue().path("schema")),
                    resolve(after, newType.path("schema")), Direction.REQUEST, new HashSet<>());
        }
    }

    private void compareResponses(String where, JsonNode oldResponses, JsonNode newResponses) {
        for (Iterator<Map.Entry<String, JsonNode>> codes = oldResponses.fields(); codes.hasNext(); ) {
            Map.Entry<String, JsonNode> code = codes.next();
            if (!code.getKey().startsWith("2")) {
                continue;
            }
            JsonNode newResponse = newResponses.path(code.getKey());
            if (newResponse.isMissingNode()) {
                breaking.add(where + " response " + code.getKey() + ": removed");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = code.getValue().path("content").fields();
                 media.hasNext(); ) {
                Map.Entry<String, JsonNode> type = media.next();
                JsonNode newType = newResponse.path("content").path(type.getKey());
                if (newType.isMissingNode()) {
                    breaking.add(where + " response " + code.getKey() + " " + type.getKey() + ": removed");
                    continue;
                }
                compareSchemas(where + " response " + code.getKey(), resolve(before, type.getValue().path("schema")),
                        resolve(after, newType.path("schema")), Direction.RESPONSE, new HashSet<>());
            }
        }
    }

    private enum Direction { REQUEST, RESPONSE }

    private void compareSchemas(String where, JsonNode oldSchema, JsonNode newSchema, Direction direction,
                                Set<String> seen) {
        if (oldSchema.isMissingNode() || newSchema.isMissingNode() || !seen.add(where)) {
            return;
        }
        Set<String> oldTypes = types(oldSchema);
        Set<String> newTypes = types(newSchema);
        if (!oldTypes.isEmpty() && !newTypes.isEmpty() && !oldTypes.equals(newTypes)) {
            boolean widened = newTypes.containsAll(oldTypes);
            boolean narrowed = oldTypes.containsAll(newTypes);
            if (direction == Direction.REQUEST ? !widened : !narrowed) {
                breaking.add(where + ": type " + oldTypes + " became " + newTypes);
                return;
            }
        }
        compareEnums(where, oldSchema, newSchema, direction);
        JsonNode oldProperties = oldSchema.path("properties");
        JsonNode newProperties = newSchema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = oldProperties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode newField = newProperties.path(field.getKey());
            if (newField.isMissingNode()) {
                if (direction == Direction.RESPONSE) {
                    breaking.add(where + " ." + field.getKey() + ": removed");
                }
                continue;
            }
            compareSchemas(where + " ." + field.getKey(), resolve(before, field.getValue()), resolve(after, newField),
                    direction, seen);
        }
        if (direction == Direction.REQUEST) {
            Set<String> wasRequired = texts(oldSchema.path("required"));
            for (String required : texts(newSchema.path("required"))) {
                if (!wasRequired.contains(required)) {
                    breaking.add(where + " ." + required + ": now required");
                }
            }
        }
        compareSchemas(where + "[]", resolve(before, oldSchema.path("items")), resolve(after, newSchema.path("items")),
                direction, seen);
    }

    private void compareEnums(String where, JsonNode oldSchema, JsonNode newSchema, Direction direction) {
        if (direction != Direction.REQUEST || !oldSchema.has("enum")) {
            return;
        }
        if (!newSchema.has("enum")) {
            return;
        }
        Set<String> kept = texts(newSchema.path("enum"));
        for (String value : texts(oldSchema.path("enum"))) {
            if (!kept.contains(value)) {
                breaking.add(where + ": enum value " + value + " removed");
            }
        }
    }

    /** Follows a local {@code $ref} (and a single-element allOf around one) to the schema it names. */
    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (current.has("$ref") && current.path("$ref").asText().startsWith("#/")) {
                JsonNode target = document;
                for (String part : current.path("$ref").asText().substring(2).split("/")) {
                    target = target.path(part.replace("~1", "/").replace("~0", "~"));
                }
                current = target;
            } else if (current.path("allOf").size() == 1) {
                current = current.path("allOf").get(0);
            } else if (nullableBranch(current) != null) {
                current = nullableBranch(current);
            } else {
                return current;
            }
        }
        return current;
    }

    /**
     * The schema of a nullable field written as {@code anyOf: [X, {type: null}]}, as OpenAPI 3.1 documents a
     * nullable {@code $ref}: X, since null alone is not compared (see {@link #types}); null for any other schema.
     */
    private static JsonNode nullableBranch(JsonNode schema) {
        JsonNode anyOf = schema.path("anyOf");
        if (anyOf.size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            JsonNode other = anyOf.get(1 - i);
            if (anyOf.get(i).size() == 1 && anyOf.get(i).path("type").asText().equals("null")) {
                return other;
            }
        }
        return null;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = type.isArray() ? texts(type) : new HashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        }
        types.remove("null");
        return types;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
