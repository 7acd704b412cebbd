package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, validates and agrees with the code. */
class OverlaysTest {

    static List<String> overlays() {
        return Rendering.overlays();
    }

    @Test
    void thereIsADevAndAProdOverlay() {
        assertEquals(List.of("dev", "prod"), overlays());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersObjectsThatMatchTheirSchemas(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        Set<String> kinds = rendering.objects.stream().map(object -> object.getKind()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "ServiceAccount", "ConfigMap", "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic",
                "Cluster", "Database")), () -> overlay + " renders only " + kinds);
        assertEquals(List.of(), SchemaValidation.problems(rendering));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploysEveryServiceModule(String overlay) {
        assertEquals(List.of(), ManifestChecks.services(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskThePathsQuarkusServes(String overlay) {
        assertEquals(List.of(), ManifestChecks.probes(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesUseIsAKafkaTopic(String overlay) {
        assertEquals(List.of(), ManifestChecks.topics(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNeededSettingComesFromAConfigMapOrSecret(String overlay) {
        assertEquals(List.of(), ManifestChecks.configuration(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configuredAddressesLeadToTheServicesOwnDatabaseAndToKafka(String overlay) {
        assertEquals(List.of(), ManifestChecks.connections(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void workloadsAreHardenedScaledBudgetedAndIsolated(String overlay) {
        assertEquals(List.of(), ManifestChecks.workloads(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void oneHostExposesEveryPublicApi(String overlay) {
        assertEquals(List.of(), ManifestChecks.ingress(Rendering.of(overlay)));
    }

    @Test
    void prodIsFitForProduction() {
        assertEquals(List.of(), ManifestChecks.productionReadiness(Rendering.of("prod")));
    }

    @Test
    void devRunsOneReplicaOfEachServiceAndIsNotProductionSized() {
        Rendering dev = Rendering.of("dev");
        assertEquals(4, dev.all(Deployment.class).size());
        for (HorizontalPodAutoscaler hpa : dev.all(HorizontalPodAutoscaler.class)) {
            assertEquals(1, hpa.getSpec().getMinReplicas(), hpa.getMetadata().getName());
            assertEquals(1, hpa.getSpec().getMaxReplicas(), hpa.getMetadata().getName());
        }
        // The production checks are real: they do find the small dev cluster wanting.
        List<String> problems = ManifestChecks.productionReadiness(dev);
        assertTrue(problems.contains("fewer than three Kafka brokers"), problems::toString);
        assertTrue(problems.contains("Cluster/linkage-db has fewer than three instances"), problems::toString);
    }
}
