package org.linkage.k8s;

import static org.linkage.k8s.Workloads.container;
import static org.linkage.k8s.Workloads.name;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linkage.events.Topics;

/**
 * Kafka is reached over TLS only, and each service logs in (SCRAM-SHA-512) as its own KafkaUser whose ACLs are
 * exactly what the service does: write the topics it publishes and its dead-letter topic, read the topics its
 * incoming channels name, in their consumer groups. Who publishes what is in docs/events.md; who consumes what in
 * each service's application.properties, and the two must agree.
 */
public final class KafkaAccessChecks {
    static final Path EVENTS_DOC = Path.of(System.getProperty("linkage.root", "../..")).resolve("docs/events.md");
    /** A row of the Topics table: | `topic` | producer | key | consumers |. */
    private static final Pattern TOPIC_ROW =
            Pattern.compile("(?m)^\\| `(linkage\\.[a-z-]+)` \\| ([^|]+) \\|[^|]*\\|([^|]*)\\|");
    private static final Pattern SERVICE = Pattern.compile("[a-z]+-service");
    private static final Set<String> WRITE = Set.of("Write", "Describe");
    private static final Set<String> READ = Set.of("Read", "Describe");

    private KafkaAccessChecks() {
    }

    /** Topic → the service docs/events.md names as its producer. */
    static Map<String, String> documentedProducers() {
        Map<String, String> producers = new TreeMap<>();
        Matcher row = TOPIC_ROW.matcher(read(EVENTS_DOC));
        while (row.find()) {
            producers.put(row.group(1), row.group(2).strip());
        }
        return producers;
    }

    /** Topic → the services docs/events.md names as its consumers. */
    static Map<String, Set<String>> documentedConsumers() {
        Map<String, Set<String>> consumers = new TreeMap<>();
        Matcher row = TOPIC_ROW.matcher(read(EVENTS_DOC));
        while (row.find()) {
            consumers.put(row.group(1), SERVICE.matcher(row.group(3)).results().map(java.util.regex.MatchResult::group)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return consumers;
    }

    /** The grants a service needs, as "topic linkage.need-events Read". */
    static Set<String> needed(ServiceModule module) {
        Set<String> needed = new TreeSet<>();
        Set<String> writes = new TreeSet<>(module.outgoingTopics());
        documentedProducers().forEach((topic, producer) -> {
            if (producer.equals(module.name())) {
                writes.add(topic);
            }
        });
        if (module.consumes()) {
            writes.add(Topics.deadLetter(module.applicationName()));
        }
        if (module.relaysOutbox()) {
            writes.add(Topics.WARM_UP); // the relay's one record at its start
        }
        writes.forEach(topic -> WRITE.forEach(operation -> needed.add("topic " + topic + " " + operation)));
        module.incomingTopics()
                .forEach(topic -> READ.forEach(operation -> needed.add("topic " + topic + " " + operation)));
        module.consumerGroups().forEach(group -> needed.add("group " + group + " Read"));
        return needed;
    }

    /** What a KafkaUser's ACLs grant, in the same words; a prefixed pattern or a cluster grant shows as such. */
    static Set<String> granted(KafkaUser user) {
        Set<String> granted = new TreeSet<>();
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            return granted;
        }
        for (AclRule rule : simple.getAcls()) {
            String resource = rule.getResource().getType();
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                resource = "topic " + topic.getName() + pattern(topic.getPatternType());
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                resource = "group " + group.getName() + pattern(group.getPatternType());
            }
            String grantOn = resource;
            List<AclOperation> operations =
                    new ArrayList<>(Optional.ofNullable(rule.getOperations()).orElse(List.of()));
            Optional.ofNullable(rule.getOperation()).ifPresent(operations::add);
            operations.forEach(operation -> granted.add(grantOn + " " + operation.toValue()));
        }
        return granted;
    }

    private static String pattern(AclResourcePatternType type) {
        return type == null || type == AclResourcePatternType.LITERAL ? "" : "*";
    }

    public static List<String> problems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Kafka kafka : rendering.all(Kafka.class)) {
            String id = "Kafka/" + kafka.getMetadata().getName();
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                if (!listener.isTls() || !(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512)) {
                    problems.add(id + " listener " + listener.getName() + " is not TLS with SCRAM-SHA-512");
                }
            }
            if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
                problems.add(id + " does not enforce ACLs (authorization simple)");
            }
            var entityOperator = kafka.getSpec().getEntityOperator();
            if (entityOperator == null || entityOperator.getUserOperator() == null) {
                problems.add(id + " runs no User Operator, so no KafkaUser gets a login");
            }
        }
        Set<String> clusters = rendering.all(Kafka.class).stream().map(kafka -> kafka.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> services = new TreeSet<>();
        for (ServiceModule module : ServiceModule.all()) {
            services.add(module.applicationName());
            Optional<KafkaUser> user = rendering.named(KafkaUser.class, module.applicationName());
            if (user.isEmpty()) {
                problems.add(module.name() + " has no KafkaUser " + module.applicationName());
                continue;
            }
            String id = "KafkaUser/" + module.applicationName();
            String cluster = Optional.ofNullable(user.get().getMetadata().getLabels()).orElse(Map.of())
                    .get("strimzi.io/cluster");
            if (!clusters.contains(cluster)) {
                problems.add(id + " belongs to Kafka " + cluster + ", which is not in the render");
            }
            if (!(user.get().getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
                problems.add(id + " does not log in with SCRAM-SHA-512");
            }
            Set<String> needed = needed(module);
            Set<String> granted = granted(user.get());
            needed.stream().filter(grant -> !granted.contains(grant))
                    .forEach(grant -> problems.add(id + " lacks " + grant + ", which " + module.name() + " needs"));
            granted.stream().filter(grant -> !needed.contains(grant))
                    .forEach(grant -> problems.add(id + " grants " + grant + ", which " + module.name()
                            + " does not need"));
        }
        rendering.all(KafkaUser.class).stream().map(user -> user.getMetadata().getName())
                .filter(name -> !services.contains(name))
                .forEach(name -> problems.add("KafkaUser/" + name + " is no service's: only the services reach Kafka"));
        for (Deployment deployment : rendering.all(Deployment.class)) {
            Workloads.module(deployment).ifPresent(module -> clientSettings(rendering, deployment, module, problems));
        }
        return problems;
    }

    /** The Deployment hands its service the login of its own KafkaUser, SASL_SSL and the cluster CA. */
    private static void clientSettings(Rendering rendering, Deployment deployment, ServiceModule module,
                                       List<String> problems) {
        Container container = container(deployment);
        Map<String, String> provided = Workloads.providedVariables(rendering, container, new ArrayList<>());
        Map<String, String> expected = Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        expected.forEach((variable, value) -> {
            String configured = Workloads.configuredValue(rendering, container, variable).orElse(null);
            if (!value.equals(configured)) {
                problems.add(name(deployment) + " sets " + variable + "=" + configured + ", not " + value);
            }
        });
        if (!Objects.equals(provided.get("KAFKA_SASL_JAAS_CONFIG"), "Secret/" + module.applicationName())) {
            problems.add(name(deployment) + " takes KAFKA_SASL_JAAS_CONFIG from "
                    + provided.get("KAFKA_SASL_JAAS_CONFIG") + ", not from its KafkaUser's Secret/"
                    + module.applicationName());
        }
        Set<String> caSecrets = rendering.all(Kafka.class).stream()
                .map(kafka -> "Secret/" + kafka.getMetadata().getName() + "-cluster-ca-cert")
                .collect(Collectors.toSet());
        if (!caSecrets.contains(provided.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES"))) {
            problems.add(name(deployment) + " takes KAFKA_SSL_TRUSTSTORE_CERTIFICATES from "
                    + provided.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES") + ", not from a cluster CA " + caSecrets);
        }
    }

    /** docs/events.md names as producers and consumers what the services are and consume. */
    public static List<String> documentation() {
        List<String> problems = new ArrayList<>();
        Set<String> modules = ServiceModule.all().stream().map(ServiceModule::name).collect(Collectors.toSet());
        Map<String, String> producers = documentedProducers();
        Topics.ALL.stream().filter(topic -> !modules.contains(producers.get(topic)))
                .forEach(topic -> problems.add("docs/events.md names no service as the producer of " + topic));
        documentedConsumers().forEach((topic, documented) -> {
            Set<String> actual = ServiceModule.all().stream().filter(module -> module.incomingTopics().contains(topic))
                    .map(ServiceModule::name).collect(Collectors.toCollection(TreeSet::new));
            if (!actual.equals(documented)) {
                problems.add("docs/events.md says " + documented + " consume " + topic + "; application.properties say "
                        + actual);
            }
        });
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
