package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue #16, point 5: TLS + SCRAM users with per-service ACLs that match what each service consumes and produces. */
class KafkaAccessTest {

    static List<String> overlays() {
        return Rendering.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceLogsInAsItsOwnKafkaUserWhoseAclsAreWhatItDoes(String overlay) {
        assertEquals(List.of(), KafkaAccessChecks.problems(Rendering.of(overlay)));
    }

    @Test
    void theEventsCatalogueNamesTheProducersAndConsumersTheServicesConfigure() {
        assertEquals(List.of(), KafkaAccessChecks.documentation());
    }

    @Test
    void theNeededGrantsFollowTheCode() {
        ServiceModule matching = ServiceModule.all().stream().filter(module -> module.name().equals("matching-service"))
                .findFirst().orElseThrow();

        Set<String> needed = KafkaAccessChecks.needed(matching);

        assertTrue(needed.containsAll(Set.of("topic linkage.assignment-events Write",
                "topic linkage.matching-service.dlq Write", "topic linkage.volunteer-events Read",
                "topic linkage.need-events Read", "group matching-service Read")), needed::toString);
        assertTrue(needed.stream().noneMatch(grant -> grant.startsWith("topic linkage.volunteer-events W")),
                needed::toString);
    }

    @Test
    void aMissingReadGrantIsCaught() {
        Rendering prod = Rendering.of("prod");
        Rendering broken = prod.withYaml(inUser(prod.yaml, "matching-service",
                "- Read\n      - Describe\n      resource:\n        name: linkage.volunteer-events",
                "- Describe\n      resource:\n        name: linkage.volunteer-events"));

        assertEquals(List.of("KafkaUser/matching-service lacks topic linkage.volunteer-events Read, which "
                + "matching-service needs"), KafkaAccessChecks.problems(broken));
    }

    @Test
    void aPrefixGrantAnIntegratorUserAndAPlainListenerAreCaught() {
        Rendering prod = Rendering.of("prod");
        String yaml = inUser(prod.yaml, "volunteer-service", "patternType: literal\n        type: group",
                "patternType: prefix\n        type: group").replace("tls: true", "tls: false")
                + "\n---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: integrator\n"
                + "  labels:\n    strimzi.io/cluster: linkage-kafka\nspec:\n  authentication:\n"
                + "    type: scram-sha-512\n";

        List<String> problems = KafkaAccessChecks.problems(prod.withYaml(yaml));

        assertTrue(problems.contains("KafkaUser/integrator is no service's: only the services reach Kafka"),
                problems::toString);
        assertTrue(problems.contains("Kafka/linkage-kafka listener tls is not TLS with SCRAM-SHA-512"),
                problems::toString);
        assertTrue(problems.contains("KafkaUser/volunteer-service lacks group volunteer-service Read, which "
                + "volunteer-service needs"), problems::toString);
        assertTrue(problems.contains("KafkaUser/volunteer-service grants group volunteer-service* Read, which "
                + "volunteer-service does not need"), problems::toString);
    }

    @Test
    void aServiceThatTakesAnotherServicesLoginIsCaught() {
        Rendering prod = Rendering.of("prod");
        Rendering broken = prod.withYaml(prod.yaml.replaceFirst(
                "key: sasl.jaas.config\\n(\\s+)name: activity-service",
                "key: sasl.jaas.config\n$1name: matching-service"));

        assertTrue(KafkaAccessChecks.problems(broken).contains("Deployment/activity-service takes "
                + "KAFKA_SASL_JAAS_CONFIG from Secret/matching-service, not from its KafkaUser's "
                + "Secret/activity-service"));
    }

    /** The rendered YAML with one change inside the named service's KafkaUser document. */
    private static String inUser(String yaml, String user, String from, String to) {
        String[] documents = yaml.split("\n---\n");
        for (int i = 0; i < documents.length; i++) {
            if (documents[i].contains("kind: KafkaUser") && documents[i].contains("  name: " + user + "\n")) {
                assertTrue(documents[i].contains(from), documents[i]);
                documents[i] = documents[i].replace(from, to);
            }
        }
        return String.join("\n---\n", documents);
    }
}
