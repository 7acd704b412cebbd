package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checks catch what they are there for: each test breaks the rendered manifests in one way. */
class BrokenManifestsTest {
    private static final String DOCUMENT_SEPARATOR = "\n---\n";

    private final Rendering dev = Rendering.of("dev");
    private final Rendering prod = Rendering.of("prod");

    @Test
    void aWrongProbePathIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "path: /q/health/ready", "path: /health/ready"));

        List<String> problems = ManifestChecks.probes(broken);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).endsWith("probes /health/ready where Quarkus serves /q/health/ready"), problems::toString);
    }

    @Test
    void aProbeOnAnotherPortIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "path: /q/health/live\n            port: http",
                "path: /q/health/live\n            port: 8081"));

        assertTrue(ManifestChecks.probes(broken).stream().anyMatch(problem -> problem.contains("not on the port Quarkus listens on")));
    }

    @Test
    void aMissingTopicIsCaught() {
        Rendering broken = dev.withYaml(withoutDocument(dev.yaml, "topicName: linkage.need-events"));

        assertEquals(List.of("topic linkage.need-events (org.linkage.events.Topics) has no KafkaTopic"),
                ManifestChecks.topics(broken));
    }

    @Test
    void aMissingDeadLetterTopicIsCaught() {
        Rendering broken = dev.withYaml(withoutDocument(dev.yaml, "topicName: linkage.matching-service.dlq"));

        assertEquals(List.of("topic linkage.matching-service.dlq (matching-service's dead letters) has no KafkaTopic"),
                ManifestChecks.topics(broken));
    }

    @Test
    void aMissingSecretIsCaught() {
        Rendering broken = dev.withYaml(withoutDocument(dev.yaml, "name: matching-service-db\n  namespace"));

        List<String> problems = ManifestChecks.configuration(broken);

        assertTrue(problems.contains("Deployment/matching-service: QUARKUS_DATASOURCE_PASSWORD refers to key password of"
                + " Secret/matching-service-db, which the render lacks"), problems::toString);
        assertTrue(problems.contains("Deployment/matching-service needs QUARKUS_DATASOURCE_PASSWORD from a ConfigMap or"
                + " Secret, as matching-service's application.properties only holds a development value"), problems::toString);
    }

    @Test
    void aSettingLeftToItsDevelopmentValueIsCaught() {
        Rendering broken = dev.withYaml(dev.yaml.replace("KAFKA_BOOTSTRAP_SERVERS:", "KAFKA_BOOTSTRAP_SERVER:"));

        List<String> problems = ManifestChecks.configuration(broken);

        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(problem -> problem.contains("needs KAFKA_BOOTSTRAP_SERVERS")), problems::toString);
    }

    @Test
    void aMissingTokenIssuerIsCaught() {
        Rendering broken = dev.withYaml(dev.yaml.replace("LINKAGE_AUTH_JWKS_URL:", "LINKAGE_AUTH_JWKS:"));

        List<String> problems = ManifestChecks.configuration(broken);

        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.contains("Deployment/activity-service needs LINKAGE_AUTH_JWKS_URL from a ConfigMap or Secret,"
                + " as the chassis only falls back to a development value"), problems::toString);
    }

    @Test
    void aCredentialInAConfigMapIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "LINKAGE_SMS_ALIYUN_ENDPOINT:",
                "LINKAGE_SMS_ALIYUN_ACCESS_KEY_SECRET: leaked\n  LINKAGE_SMS_ALIYUN_ENDPOINT:")
                .replace("        - name: LINKAGE_SMS_ALIYUN_ACCESS_KEY_SECRET\n          valueFrom:\n            secretKeyRef:\n"
                        + "              key: aliyun-access-key-secret\n              name: notification-service-sms\n", ""));

        List<String> problems = ManifestChecks.configuration(broken);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).matches("Deployment/notification-service reads the credential "
                + "LINKAGE_SMS_ALIYUN_ACCESS_KEY_SECRET from ConfigMap/notification-service-config-\\w+, not from a Secret"), problems::toString);
    }

    @Test
    void aServicePointedAtAnotherServicesDatabaseIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "linkage-db-rw:5432/volunteer", "linkage-db-rw:5432/matching"));

        List<String> problems = ManifestChecks.connections(broken);

        assertEquals(List.of("Deployment/volunteer-service logs in as volunteer (from Secret/volunteer-service-db), not as"
                + " matching's owner matching", "linkage-db does not manage role matching with the password"
                + " Deployment/volunteer-service reads (Secret/volunteer-service-db)"), problems);
    }

    @Test
    void aMisspeltFieldFailsSchemaValidation() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true"));

        List<String> problems = SchemaValidation.problems(broken);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("unknown field(s) [readOnlyRootFileSystem]"), problems::toString);
        assertTrue(ManifestChecks.workloads(broken).stream().anyMatch(problem -> problem.endsWith("has a writable root filesystem")));
    }

    @Test
    void aMisspeltStrimziFieldFailsSchemaValidation() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "  partitions: 3", "  partition: 3"));

        List<String> problems = SchemaValidation.problems(broken);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("KafkaTopic/") && problems.get(0).contains("unknown field(s) [partition]"),
                problems::toString);
    }

    @Test
    void aKindWithoutSchemaIsCaught() {
        Rendering broken = dev.withYaml(dev.yaml + DOCUMENT_SEPARATOR
                + "apiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: gadget\n");

        assertEquals(List.of("Gadget/gadget: no schema known for example.org/v1 Gadget"), SchemaValidation.problems(broken));
    }

    @Test
    void aPathShadowedByALessSpecificRouteIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "path: /api/v1/needs/[^/]+/assignments", "path: /api/v1/needs/assignments"));

        List<String> problems = ManifestChecks.ingress(broken);

        assertTrue(problems.contains("matching-service's /api/v1/needs/{needId}/assignments is routed by /api/v1/needs to"
                + " Service/activity-service"), problems::toString);
    }

    @Test
    void quarkusOwnEndpointsRoutedPubliclyAreCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "path: /api/v1/skills", "path: /q"));

        List<String> problems = ManifestChecks.ingress(broken);

        assertTrue(problems.contains("/q is routed although not under /api/"), problems::toString);
        assertTrue(problems.contains("/q/swagger-ui/ is reachable through the Ingress by /q"), problems::toString);
        assertTrue(problems.contains("/q/health/ready is reachable through the Ingress by /q"), problems::toString);
    }

    @Test
    void aCatchAllRouteIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "path: /api/v1/needs/[^/]+/assignments", "path: /.*"));

        List<String> problems = ManifestChecks.ingress(broken);

        assertTrue(problems.contains("/q/openapi is reachable through the Ingress by /.*"), problems::toString);
    }

    @Test
    void anInternalOperationRoutedPubliclyIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "path: /api/v1/sms-reports", "path: /api/v1/login-codes"));

        List<String> problems = ManifestChecks.ingress(broken);

        assertTrue(problems.contains("notification-service's /api/v1/login-codes is for the cluster only but the Ingress "
                + "routes it by /api/v1/login-codes"), problems::toString);
    }

    @Test
    void aPathRoutedToTheWrongServiceIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "name: activity-service\n            port:",
                "name: volunteer-service\n            port:"));

        List<String> problems = ManifestChecks.ingress(broken);

        assertTrue(problems.contains("/api/v1/needs is routed to volunteer-service, which serves no such resource"), problems::toString);
        assertTrue(problems.contains("activity-service's /api/v1/needs is routed by /api/v1/needs to Service/volunteer-service"),
                problems::toString);
    }

    @Test
    void anOpenNetworkPolicyIsCaught() {
        Rendering broken = dev.withYaml(replaceFirst(dev.yaml, "port: 5432", "port: 22"));

        assertTrue(ManifestChecks.workloads(broken).stream().anyMatch(problem ->
                problem.contains("reach ports [22] beyond Kafka, PostgreSQL, DNS and the endpoints it is configured with")));
    }

    @Test
    void aTopicThatLosesWritesWithOneBrokerIsNotFitForProduction() {
        String topic = Arrays.stream(prod.yaml.split(DOCUMENT_SEPARATOR))
                .filter(document -> document.contains("topicName: linkage.assignment-events")).findFirst().orElseThrow();
        Rendering broken = prod.withYaml(prod.yaml.replace(topic, topic.replace("min.insync.replicas: 2", "min.insync.replicas: 1")));

        List<String> problems = ManifestChecks.productionReadiness(broken);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("KafkaTopic/linkage.assignment-events has 3 replicas and min.insync.replicas 1"),
                problems::toString);
    }

    private static String replaceFirst(String yaml, String from, String to) {
        assertTrue(yaml.contains(from), () -> "the rendering has no " + from);
        return yaml.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    private static String withoutDocument(String yaml, String marker) {
        List<String> documents = Arrays.asList(yaml.split(DOCUMENT_SEPARATOR));
        List<String> kept = documents.stream().filter(document -> !document.contains(marker)).toList();
        assertEquals(documents.size() - 1, kept.size(), () -> "exactly one document should contain " + marker);
        return kept.stream().collect(Collectors.joining(DOCUMENT_SEPARATOR));
    }
}
