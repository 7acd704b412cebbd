package org.linkage.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every rendered object against its schema. Typed objects are checked against their model: Jackson already failed
 * on wrong types, and what the model does not know lands in an {@code additionalProperties} map, so a non-empty one
 * is a misspelt or misplaced field. CloudNativePG and External Secrets have no Java model; for them the kinds are
 * pinned and the fields their operators require must be present. The same holds for the Prometheus Operator's
 * PodMonitor.
 */
public final class SchemaValidation {
    private static final Map<String, List<String>> REQUIRED_FIELDS_OF_UNMODELLED_KINDS = Map.of(
            "postgresql.cnpg.io/v1 Cluster", List.of("spec.instances", "spec.storage.size"),
            "postgresql.cnpg.io/v1 Database", List.of("spec.cluster.name", "spec.name", "spec.owner"),
            "postgresql.cnpg.io/v1 ScheduledBackup", List.of("spec.schedule", "spec.cluster.name", "spec.method"),
            "barmancloud.cnpg.io/v1 ObjectStore", List.of("spec.configuration.destinationPath"),
            "external-secrets.io/v1 ExternalSecret", List.of("spec.secretStoreRef.name", "spec.target.name", "spec.data"),
            "monitoring.coreos.com/v1 PodMonitor", List.of("spec.selector.matchLabels", "spec.podMetricsEndpoints"));

    private SchemaValidation() {
    }

    public static List<String> problems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : rendering.objects) {
            String id = object.getKind() + "/" + (object.getMetadata() == null ? "?" : object.getMetadata().getName());
            if (object.getMetadata() == null || object.getMetadata().getName() == null) {
                problems.add(id + ": no metadata.name");
            }
            if (object instanceof GenericKubernetesResource unmodelled) {
                checkRequiredFields(unmodelled, id, problems);
            } else {
                unknownFields(object, id, problems);
            }
        }
        return problems;
    }

    private static void checkRequiredFields(GenericKubernetesResource object, String id, List<String> problems) {
        List<String> required = REQUIRED_FIELDS_OF_UNMODELLED_KINDS.get(object.getApiVersion() + " " + object.getKind());
        if (required == null) {
            problems.add(id + ": no schema known for " + object.getApiVersion() + " " + object.getKind());
            return;
        }
        for (String path : required) {
            if (object.get((Object[]) path.split("\\.")) == null) {
                problems.add(id + ": required field " + path + " is missing");
            }
        }
    }

    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                unknownFields(element, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> unknownFields(value, path + "." + key, problems));
            return;
        }
        if (node == null || node.getClass().isEnum() || !isModel(node.getClass())) {
            return;
        }
        for (Class<?> type = node.getClass(); type != null && isModel(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object value = read(field, node);
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + unknown.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + field.getName(), problems);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.")
                || name.equals("io.fabric8.kubernetes.client.CustomResource");
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
