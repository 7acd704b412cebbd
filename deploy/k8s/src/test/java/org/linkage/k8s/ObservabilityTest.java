package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus scrapes every service and the Grafana dashboard shows what the code measures, by its real names. */
class ObservabilityTest {

    static List<String> overlays() {
        return Rendering.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsScrapedWhereQuarkusServesMetrics(String overlay) {
        assertEquals(List.of(), ObservabilityChecks.scraping(Rendering.of(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDashboardShipsForGrafanasSidecar(String overlay) {
        assertEquals(List.of(), ObservabilityChecks.dashboardShipped(Rendering.of(overlay)));
    }

    @Test
    void theDashboardQueriesExactlyTheMetricsTheCodeRegisters() {
        assertEquals(List.of(), ObservabilityChecks.dashboardMetrics(ObservabilityChecks.dashboardFile()));
    }

    @Test
    void prometheusNamesFollowMicrometersConventions() {
        assertEquals(List.of("linkage_needs_raised_total"),
                List.copyOf(ObservabilityChecks.series("linkage.needs.raised", ObservabilityChecks.Kind.COUNTER)));
        assertTrue(ObservabilityChecks.series("linkage.matching.time.to.first.offer", ObservabilityChecks.Kind.TIMER)
                .contains("linkage_matching_time_to_first_offer_seconds_bucket"));
    }

    @Test
    void aMisspeltMetricOnTheDashboardIsCaught() {
        String broken = ObservabilityChecks.dashboardFile().replace("linkage_needs_raised_total", "linkage_need_raised_total");

        List<String> problems = ObservabilityChecks.dashboardMetrics(broken);

        assertEquals(List.of("the dashboard queries linkage_need_raised_total, which no code registers",
                "linkage.needs.raised is on no dashboard panel (as [linkage_needs_raised_total])"), problems);
    }

    @Test
    void aServiceThePodMonitorMissesIsCaught() {
        Rendering dev = Rendering.of("dev");
        Rendering broken = dev.withYaml(dev.yaml.replace("    path: /q/metrics", "    path: /metrics"));

        List<String> problems = ObservabilityChecks.scraping(broken);

        assertTrue(problems.contains("PodMonitor/linkage-services scrapes /metrics where Quarkus serves /q/metrics"),
                problems::toString);
        assertTrue(problems.contains("Deployment/matching-service is scraped by no PodMonitor"), problems::toString);
    }
}
