package org.linkage.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The objects one overlay renders to, each parsed into its typed model where one exists: fabric8 for Kubernetes'
 * own kinds, Strimzi's for Kafka, and {@link GenericKubernetesResource} for CloudNativePG and External Secrets,
 * which have no Java model.
 */
public final class Rendering {
    public static final Path K8S = Path.of(System.getProperty("linkage.root", "../..")).resolve("deploy/k8s");

    /** Strimzi's classes are annotated v1beta2, the version they were first written for; they model v1 too. */
    private static final String STRIMZI_API_VERSION = "kafka.strimzi.io/v1";
    private static final List<Class<? extends KubernetesResource>> STRIMZI_KINDS =
            List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class, KafkaUser.class);

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Rendering> RENDERED = new ConcurrentHashMap<>();

    static {
        STRIMZI_KINDS.forEach(kind -> SERIALIZATION.registerKubernetesResource(STRIMZI_API_VERSION,
                kind.getSimpleName(), kind));
    }

    public final String overlay;
    /** The manifests as kubectl rendered them. */
    public final String yaml;
    public final List<HasMetadata> objects;

    private Rendering(String overlay, String yaml) {
        this.overlay = overlay;
        this.yaml = yaml;
        this.objects = parse(yaml);
    }

    /** Renders once per test run: kubectl is the slow part. */
    public static Rendering of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> new Rendering(name, kustomize(K8S.resolve("overlays/" + name))));
    }

    /** The same overlay rendered to other YAML: how the tests break a manifest on purpose. */
    public Rendering withYaml(String changedYaml) {
        return new Rendering(overlay, changedYaml);
    }

    public static List<String> overlays() {
        try (var directories = Files.list(K8S.resolve("overlays"))) {
            return directories.map(directory -> directory.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String kustomize(Path directory) {
        // CI's machines have kubectl; a developer's fresh machine with only a JDK may not: skip there, never in CI.
        Assumptions.assumeTrue("true".equals(System.getenv("CI")) || kubectlOnPath(),
                "kubectl (with kustomize v5) is not on the PATH: the manifest checks are skipped");
        try {
            // Errors go to a file: a pipe left unread could fill up and stall kubectl.
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectError(errors.toFile()).start();
                String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + Files.readString(errors));
                }
                return yaml;
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl (with kustomize v5) must be on the PATH to render the overlays", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean kubectlOnPath() {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "kubectl")));
    }

    private static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        Collection<?> documents = parsed instanceof Collection<?> many ? many : List.of(parsed);
        return documents.stream().map(HasMetadata.class::cast).toList();
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst();
    }

    /** Custom resources without a Java model, as maps. */
    public List<GenericKubernetesResource> generic(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(object -> apiVersion.equals(object.getApiVersion()) && kind.equals(object.getKind()))
                .toList();
    }

    public Optional<ConfigMap> configMap(String name) {
        return named(ConfigMap.class, name);
    }

    public Optional<Secret> secret(String name) {
        return named(Secret.class, name);
    }

    @Override
    public String toString() {
        return overlay;
    }
}
