package org.linkage.k8s;

import static org.linkage.k8s.Workloads.container;
import static org.linkage.k8s.Workloads.name;
import static org.linkage.k8s.Workloads.podLabels;
import static org.linkage.k8s.Workloads.selects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cross-checks of the monitoring against the code: Prometheus scrapes every service where Quarkus serves its
 * metrics, and the Grafana dashboard queries only metrics the code registers, and shows every one of them.
 */
public final class ObservabilityChecks {
    static final String DASHBOARD_CONFIG_MAP = "linkage-dashboard";
    static final String DASHBOARD_FILE = "linkage-dashboard.json";
    private static final String METRICS_PATH = "/q/metrics";
    private static final Path ROOT = Path.of(System.getProperty("linkage.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\b((?:linkage|kafka|http)_[a-z_]+)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How Micrometer's Prometheus registry names a meter's series. */
    enum Kind {
        COUNTER("_total"), TIMER("_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"), GAUGE(""),
        TIME_GAUGE("_seconds");

        final List<String> suffixes;

        Kind(String... suffixes) {
            this.suffixes = List.of(suffixes);
        }
    }

    /** The meters of the services (their business) and of the chassis (outbox, consumers, dead letters). */
    static final Map<String, Kind> METERS = meters();

    /** Series of libraries the dashboard uses: the Kafka clients' lag and Quarkus' HTTP server timer. */
    static final Set<String> LIBRARY_SERIES = Set.of("kafka_consumer_fetch_manager_records_lag",
            "http_server_requests_seconds_count", "http_server_requests_seconds_max");

    private static Map<String, Kind> meters() {
        Map<String, Kind> meters = new LinkedHashMap<>();
        meters.put("linkage.needs.raised", Kind.COUNTER);
        meters.put("linkage.matching.time.to.first.offer", Kind.TIMER);
        meters.put("linkage.matching.time.to.acceptance", Kind.TIMER);
        meters.put("linkage.offers.outcome", Kind.COUNTER);
        meters.put("linkage.notifications", Kind.COUNTER);
        meters.put("linkage.hours.credited", Kind.COUNTER);
        meters.put("linkage.outbox.pending", Kind.GAUGE);
        meters.put("linkage.outbox.oldest.unpublished.age", Kind.TIME_GAUGE);
        meters.put("linkage.outbox.published", Kind.COUNTER);
        meters.put("linkage.events.consumed", Kind.COUNTER);
        meters.put("linkage.events.dead.lettered", Kind.COUNTER);
        return meters;
    }

    private ObservabilityChecks() {
    }

    static Set<String> series(String meter, Kind kind) {
        String base = meter.replace('.', '_');
        return kind.suffixes.stream().map(suffix -> base + suffix).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A PodMonitor selects every service's pods, on a port the container has, at the path Quarkus serves. */
    public static List<String> scraping(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> monitors = rendering.generic("monitoring.coreos.com/v1", "PodMonitor");
        for (Deployment deployment : rendering.all(Deployment.class)) {
            boolean scraped = false;
            for (GenericKubernetesResource monitor : monitors) {
                if (!selects(monitor.get("spec", "selector", "matchLabels"), podLabels(deployment))) {
                    continue;
                }
                List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
                for (Map<String, Object> endpoint : endpoints) {
                    String port = String.valueOf(endpoint.get("port"));
                    if (Workloads.containerPort(container(deployment), new IntOrString(port)).isEmpty()) {
                        problems.add("PodMonitor/" + monitor.getMetadata().getName() + " scrapes port " + port
                                + ", which " + name(deployment) + "'s container does not have");
                    } else if (!METRICS_PATH.equals(endpoint.get("path"))) {
                        problems.add("PodMonitor/" + monitor.getMetadata().getName() + " scrapes " + endpoint.get("path")
                                + " where Quarkus serves " + METRICS_PATH);
                    } else {
                        scraped = true;
                    }
                }
            }
            if (!scraped) {
                problems.add(name(deployment) + " is scraped by no PodMonitor");
            }
        }
        return problems;
    }

    /** The dashboard ships as a ConfigMap that Grafana's sidecar loads, with the JSON checked in next to it. */
    public static List<String> dashboardShipped(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        rendering.configMap(DASHBOARD_CONFIG_MAP).ifPresentOrElse(configMap -> {
            if (!"1".equals(configMap.getMetadata().getLabels().get("grafana_dashboard"))) {
                problems.add("ConfigMap/" + DASHBOARD_CONFIG_MAP + " lacks the label grafana_dashboard=1");
            }
            if (!dashboardFile().equals(configMap.getData().get(DASHBOARD_FILE))) {
                problems.add("ConfigMap/" + DASHBOARD_CONFIG_MAP + " does not hold " + DASHBOARD_FILE);
            }
        }, () -> problems.add("no ConfigMap/" + DASHBOARD_CONFIG_MAP));
        return problems;
    }

    /**
     * Every series the dashboard queries is one the code registers (or a library's), every meter is on the
     * dashboard, and every meter name is in the code, so that a renamed metric cannot leave an empty panel behind.
     */
    public static List<String> dashboardMetrics(String dashboardJson) {
        List<String> problems = new ArrayList<>();
        Set<String> queried = queriedSeries(dashboardJson);
        Set<String> known = new TreeSet<>(LIBRARY_SERIES);
        METERS.forEach((meter, kind) -> known.addAll(series(meter, kind)));
        queried.stream().filter(series -> !known.contains(series))
                .forEach(series -> problems.add("the dashboard queries " + series + ", which no code registers"));
        METERS.forEach((meter, kind) -> {
            if (series(meter, kind).stream().noneMatch(queried::contains)) {
                problems.add(meter + " is on no dashboard panel (as " + series(meter, kind) + ")");
            }
        });
        String code = mainSources();
        METERS.keySet().stream().filter(meter -> !code.contains("\"" + meter + "\""))
                .forEach(meter -> problems.add(meter + " is registered nowhere in the code"));
        return problems;
    }

    static Set<String> queriedSeries(String dashboardJson) {
        Set<String> series = new TreeSet<>();
        try {
            for (JsonNode expression : JSON.readTree(dashboardJson).findValues("expr")) {
                Matcher metric = METRIC.matcher(expression.asText());
                while (metric.find()) {
                    series.add(metric.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard is not JSON", e);
        }
        return series;
    }

    static String dashboardFile() {
        return read(Rendering.K8S.resolve("base/observability").resolve(DASHBOARD_FILE));
    }

    /** The Java sources of the services and the chassis. */
    private static String mainSources() {
        List<Path> roots = new ArrayList<>(ServiceModule.all().stream().map(module -> module.directory()).toList());
        roots.add(ROOT.resolve("common/chassis"));
        StringBuilder code = new StringBuilder();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> code.append(read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return code.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
