package org.linkage.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reading a rendered Deployment the way the kubelet will: its container, its ports, its environment. */
final class Workloads {
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String HTTP_PORT_VARIABLE = "QUARKUS_HTTP_PORT";

    private Workloads() {
    }

    static String name(Deployment deployment) {
        return "Deployment/" + deployment.getMetadata().getName();
    }

    /** The service module a Deployment runs, by its name label. */
    static Optional<ServiceModule> module(Deployment deployment) {
        String name = podLabels(deployment).get(NAME_LABEL);
        return ServiceModule.all().stream().filter(module -> module.name().equals(name)).findFirst();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A named or numbered port of the container, as a number. */
    static Optional<Integer> containerPort(Container container, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        if (port.getIntVal() != null) {
            return Optional.of(port.getIntVal());
        }
        return container.getPorts().stream().filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(candidate -> candidate.getContainerPort()).findFirst();
    }

    /** Literal environment values: the port Quarkus listens on is one. */
    static Optional<String> literal(Container container, String variable) {
        return container.getEnv().stream().filter(env -> variable.equals(env.getName()) && env.getValue() != null)
                .map(EnvVar::getValue).findFirst();
    }

    /**
     * Every variable the container gets from a ConfigMap or Secret, with the object it comes from; a reference to
     * something the render lacks is reported through {@code dangling} instead.
     */
    static Map<String, String> providedVariables(Rendering rendering, Container container, List<String> dangling) {
        Map<String, String> provided = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                Optional<ConfigMap> configMap = rendering.configMap(name);
                configMap.ifPresentOrElse(found -> keys(found).forEach(key -> provided.put(prefix + key, "ConfigMap/" + name)),
                        () -> dangling.add("envFrom ConfigMap/" + name + " is not in the render"));
            }
            if (source.getSecretRef() != null) {
                String name = source.getSecretRef().getName();
                secretKeys(rendering, name).ifPresentOrElse(keys -> keys.forEach(key -> provided.put(prefix + key, "Secret/" + name)),
                        () -> dangling.add("envFrom Secret/" + name + " is not in the render"));
            }
        }
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var configMapKey = env.getValueFrom().getConfigMapKeyRef();
            if (configMapKey != null) {
                boolean found = rendering.configMap(configMapKey.getName()).map(Workloads::keys)
                        .filter(keys -> keys.contains(configMapKey.getKey())).isPresent();
                resolve(provided, dangling, env.getName(), found, "ConfigMap/" + configMapKey.getName(), configMapKey.getKey());
            }
            var secretKey = env.getValueFrom().getSecretKeyRef();
            if (secretKey != null) {
                boolean found = secretKeys(rendering, secretKey.getName())
                        .filter(keys -> keys.contains(secretKey.getKey())).isPresent();
                resolve(provided, dangling, env.getName(), found, "Secret/" + secretKey.getName(), secretKey.getKey());
            }
        }
        return provided;
    }

    private static void resolve(Map<String, String> provided, List<String> dangling, String variable, boolean found,
                                String source, String key) {
        if (found) {
            provided.put(variable, source);
        } else {
            dangling.add(variable + " refers to key " + key + " of " + source + ", which the render lacks");
        }
    }

    /** A variable's value where the render holds it in plain sight: a literal or a ConfigMap entry. */
    static Optional<String> configuredValue(Rendering rendering, Container container, String variable) {
        return Optional.ofNullable(configuredValues(rendering, container).get(variable));
    }

    /** Every variable whose value the render holds in plain sight, with the precedence the kubelet gives them. */
    static Map<String, String> configuredValues(Rendering rendering, Container container) {
        Map<String, String> values = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String prefix = source.getPrefix() == null ? "" : source.getPrefix();
                rendering.configMap(source.getConfigMapRef().getName()).map(ConfigMap::getData)
                        .ifPresent(data -> data.forEach((key, value) -> values.put(prefix + key, value)));
            }
        }
        for (EnvVar env : container.getEnv()) {
            if (env.getValue() != null) {
                values.put(env.getName(), env.getValue());
            } else if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                rendering.configMap(ref.getName()).map(ConfigMap::getData).map(data -> data.get(ref.getKey()))
                        .ifPresent(value -> values.put(env.getName(), value));
            }
        }
        return values;
    }

    /** The Secret a variable is read from, if it is read from one. */
    static Optional<String> secretOf(Container container, String variable) {
        return container.getEnv().stream()
                .filter(env -> variable.equals(env.getName()) && env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null)
                .map(env -> env.getValueFrom().getSecretKeyRef().getName()).findFirst();
    }

    /**
     * The keys a Secret will have: a Secret in the render, or the target of an ExternalSecret (its data keys and
     * template keys), which the External Secrets Operator creates from the secret store.
     */
    static Optional<Set<String>> secretKeys(Rendering rendering, String name) {
        Optional<Secret> secret = rendering.secret(name);
        if (secret.isPresent()) {
            Set<String> keys = new TreeSet<>();
            Optional.ofNullable(secret.get().getData()).ifPresent(data -> keys.addAll(data.keySet()));
            Optional.ofNullable(secret.get().getStringData()).ifPresent(data -> keys.addAll(data.keySet()));
            return Optional.of(keys);
        }
        return externalSecret(rendering, name).map(external -> {
            Set<String> keys = new TreeSet<>();
            List<Map<String, Object>> data = external.get("spec", "data");
            Optional.ofNullable(data).ifPresent(entries -> entries.forEach(entry -> keys.add((String) entry.get("secretKey"))));
            Map<String, Object> template = external.get("spec", "target", "template", "data");
            Optional.ofNullable(template).ifPresent(entries -> keys.addAll(entries.keySet()));
            return keys;
        }).or(() -> strimziSecret(rendering, name));
    }

    /**
     * The Secrets Strimzi writes: the cluster CA certificate of each Kafka, and each SCRAM-SHA-512 KafkaUser's login
     * under the user's name.
     */
    private static Optional<Set<String>> strimziSecret(Rendering rendering, String name) {
        boolean clusterCa = rendering.all(Kafka.class).stream()
                .anyMatch(kafka -> name.equals(kafka.getMetadata().getName() + "-cluster-ca-cert"));
        if (clusterCa) {
            return Optional.of(Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        return rendering.named(KafkaUser.class, name)
                .filter(user -> user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)
                .map(user -> Set.of("password", "sasl.jaas.config"));
    }

    /** A Secret value that is not secret (a login name): from the Secret or the ExternalSecret's template. */
    static Optional<String> secretValue(Rendering rendering, String name, String key) {
        Optional<Secret> secret = rendering.secret(name);
        if (secret.isPresent()) {
            Map<String, String> data = secret.get().getData() == null ? Map.of() : secret.get().getData();
            Map<String, String> stringData = secret.get().getStringData() == null ? Map.of() : secret.get().getStringData();
            if (stringData.containsKey(key)) {
                return Optional.of(stringData.get(key));
            }
            return Optional.ofNullable(data.get(key))
                    .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        }
        return externalSecret(rendering, name).map(external -> external.<String>get("spec", "target", "template", "data", key));
    }

    private static Optional<GenericKubernetesResource> externalSecret(Rendering rendering, String targetName) {
        return rendering.generic("external-secrets.io/v1", "ExternalSecret").stream()
                .filter(external -> targetName.equals(external.get("spec", "target", "name")))
                .findFirst();
    }

    private static Set<String> keys(ConfigMap configMap) {
        return configMap.getData() == null ? Set.of() : new HashMap<>(configMap.getData()).keySet();
    }
}
