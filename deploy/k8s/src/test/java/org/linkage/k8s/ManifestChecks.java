package org.linkage.k8s;

import static org.linkage.k8s.Workloads.container;
import static org.linkage.k8s.Workloads.name;
import static org.linkage.k8s.Workloads.podLabels;
import static org.linkage.k8s.Workloads.selects;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linkage.events.Topics;

/**
 * Cross-checks of a rendering against the services' code and configuration. Each returns what is wrong, in words
 * an operator can act on; an empty list means the manifests and the code agree.
 */
public final class ManifestChecks {
    private static final String STRIMZI_CLUSTER_LABEL = "strimzi.io/cluster";
    private static final String CNPG_API_VERSION = "postgresql.cnpg.io/v1";
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern URL = Pattern.compile("(https?)://[^/:]+(?::(\\d+))?(?:/.*)?");
    private static final int POSTGRES_PORT = 5432;
    private static final int DNS_PORT = 53;
    private static final String DATASOURCE_URL = ServiceModule.environmentVariable("quarkus.datasource.jdbc.url");
    private static final String DATASOURCE_USERNAME = ServiceModule.environmentVariable("quarkus.datasource.username");
    private static final String DATASOURCE_PASSWORD = ServiceModule.environmentVariable("quarkus.datasource.password");
    private static final String KAFKA_BOOTSTRAP = ServiceModule.environmentVariable("kafka.bootstrap.servers");

    private ManifestChecks() {
    }

    /** Every Deployment runs a service module, and every service module has a Deployment. */
    public static List<String> services(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        Set<String> deployed = new TreeSet<>();
        for (Deployment deployment : rendering.all(Deployment.class)) {
            Workloads.module(deployment).ifPresentOrElse(module -> deployed.add(module.name()),
                    () -> problems.add(name(deployment) + " runs no service module of this repository (label "
                            + Workloads.NAME_LABEL + "=" + podLabels(deployment).get(Workloads.NAME_LABEL) + ")"));
        }
        ServiceModule.all().stream().map(ServiceModule::name).filter(module -> !deployed.contains(module))
                .forEach(module -> problems.add(module + " has no Deployment"));
        return problems;
    }

    /** Startup, liveness and readiness probes ask the paths SmallRye Health serves, on the port Quarkus listens on. */
    public static List<String> probes(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.all(Deployment.class)) {
            Optional<ServiceModule> module = Workloads.module(deployment);
            if (module.isEmpty()) {
                continue;
            }
            if (!module.get().servesHealth()) {
                problems.add(name(deployment) + ": " + module.get().name() + " has no SmallRye Health, so no health paths");
            }
            Container container = container(deployment);
            Optional<Integer> httpPort = Workloads.literal(container, Workloads.HTTP_PORT_VARIABLE).map(Integer::valueOf);
            if (httpPort.isEmpty()) {
                problems.add(name(deployment) + " does not set " + Workloads.HTTP_PORT_VARIABLE);
            }
            Map<String, Probe> probes = new TreeMap<>();
            probes.put("started", container.getStartupProbe());
            probes.put("live", container.getLivenessProbe());
            probes.put("ready", container.getReadinessProbe());
            probes.forEach((group, probe) -> {
                String expected = module.get().healthPath(group);
                if (probe == null || probe.getHttpGet() == null) {
                    problems.add(name(deployment) + " has no HTTP probe on " + expected);
                    return;
                }
                if (!expected.equals(probe.getHttpGet().getPath())) {
                    problems.add(name(deployment) + " probes " + probe.getHttpGet().getPath() + " where Quarkus serves "
                            + expected);
                }
                Optional<Integer> port = Workloads.containerPort(container, probe.getHttpGet().getPort());
                if (port.isEmpty() || !port.equals(httpPort)) {
                    problems.add(name(deployment) + " probes " + expected + " on port " + probe.getHttpGet().getPort()
                            + ", not on the port Quarkus listens on (" + httpPort.orElse(null) + ")");
                }
            });
        }
        return problems;
    }

    /**
     * Every topic the code and the services' configuration name, and each consuming service's dead-letter topic,
     * is a KafkaTopic of a Kafka cluster in the render (the brokers do not create topics on their own).
     */
    public static List<String> topics(Rendering rendering) {
        Map<String, String> needed = new TreeMap<>();
        Topics.ALL.forEach(topic -> needed.put(topic, "org.linkage.events.Topics"));
        needed.put(Topics.WARM_UP, "the outbox relays' warm-up");
        for (ServiceModule module : ServiceModule.all()) {
            module.topics().forEach(topic -> needed.putIfAbsent(topic, module.name()));
            if (module.consumes()) {
                needed.put(Topics.deadLetter(module.applicationName()), module.name() + "'s dead letters");
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> clusters = rendering.all(Kafka.class).stream().map(kafka -> kafka.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> declared = new TreeSet<>();
        for (KafkaTopic topic : rendering.all(KafkaTopic.class)) {
            declared.add(topicName(topic));
            String cluster = labels(topic).get(STRIMZI_CLUSTER_LABEL);
            if (!clusters.contains(cluster)) {
                problems.add("KafkaTopic/" + topic.getMetadata().getName() + " belongs to Kafka " + cluster
                        + ", which is not in the render");
            }
        }
        needed.forEach((topic, user) -> {
            if (!declared.contains(topic)) {
                problems.add("topic " + topic + " (" + user + ") has no KafkaTopic");
            }
        });
        return problems;
    }

    /**
     * Every setting a service must get from its cluster (application.properties points it at localhost, or it is a
     * credential) comes from a ConfigMap or Secret in the render, and every reference to one resolves.
     */
    public static List<String> configuration(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.all(Deployment.class)) {
            Container container = container(deployment);
            List<String> dangling = new ArrayList<>();
            Map<String, String> provided = Workloads.providedVariables(rendering, container, dangling);
            dangling.forEach(problem -> problems.add(name(deployment) + ": " + problem));
            ServiceModule.chassisVariablesNeeded().stream()
                    .filter(variable -> !provided.containsKey(variable))
                    .forEach(variable -> problems.add(name(deployment) + " needs " + variable
                            + " from a ConfigMap or Secret, as the chassis only falls back to a development value"));
            Workloads.module(deployment).ifPresent(module -> {
                module.environmentVariablesNeeded().stream()
                        .filter(variable -> !provided.containsKey(variable))
                        .forEach(variable -> problems.add(name(deployment) + " needs " + variable
                                + " from a ConfigMap or Secret, as " + module.name() + "'s application.properties only"
                                + " holds a development value"));
                module.credentialVariables().stream()
                        .filter(variable -> provided.containsKey(variable) && !provided.get(variable).startsWith("Secret/"))
                        .forEach(variable -> problems.add(name(deployment) + " reads the credential " + variable
                                + " from " + provided.get(variable) + ", not from a Secret"));
            });
        }
        return problems;
    }

    /**
     * The configured addresses lead somewhere: the JDBC URL to the read-write service of a CloudNativePG cluster and a
     * Database of it, whose owner is the login in the service's secret and a role the cluster manages from that same
     * secret; the Kafka bootstrap address to a listener of a Kafka in the render.
     */
    public static List<String> connections(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> clusters = rendering.generic(CNPG_API_VERSION, "Cluster");
        List<GenericKubernetesResource> databases = rendering.generic(CNPG_API_VERSION, "Database");
        for (Deployment deployment : rendering.all(Deployment.class)) {
            Container container = container(deployment);
            Optional<String> url = Workloads.configuredValue(rendering, container, DATASOURCE_URL);
            Matcher jdbc = JDBC_URL.matcher(url.orElse(""));
            if (!jdbc.matches()) {
                problems.add(name(deployment) + " has no PostgreSQL JDBC URL in " + DATASOURCE_URL + ": " + url.orElse(null));
            } else {
                checkDatabase(rendering, deployment, jdbc, clusters, databases, problems);
            }
            Optional<String> bootstrap = Workloads.configuredValue(rendering, container, KAFKA_BOOTSTRAP);
            Set<String> listeners = new TreeSet<>();
            for (Kafka kafka : rendering.all(Kafka.class)) {
                for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                    listeners.add(kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort());
                }
            }
            if (bootstrap.isEmpty() || !listeners.containsAll(List.of(bootstrap.get().split(",")))) {
                problems.add(name(deployment) + " bootstraps Kafka from " + bootstrap.orElse(null)
                        + ", which is none of the listeners in the render " + listeners);
            }
        }
        return problems;
    }

    private static void checkDatabase(Rendering rendering, Deployment deployment, Matcher jdbc,
                                      List<GenericKubernetesResource> clusters,
                                      List<GenericKubernetesResource> databases, List<String> problems) {
        String host = jdbc.group(1);
        String databaseName = jdbc.group(3);
        Optional<GenericKubernetesResource> cluster = clusters.stream()
                .filter(candidate -> host.equals(candidate.getMetadata().getName() + "-rw")).findFirst();
        if (cluster.isEmpty() || (jdbc.group(2) != null && Integer.parseInt(jdbc.group(2)) != POSTGRES_PORT)) {
            problems.add(name(deployment) + " connects to " + host + (jdbc.group(2) == null ? "" : ":" + jdbc.group(2))
                    + ", which is not the read-write service of a CloudNativePG cluster in the render");
            return;
        }
        String clusterName = cluster.get().getMetadata().getName();
        Optional<GenericKubernetesResource> database = databases.stream()
                .filter(candidate -> clusterName.equals(candidate.get("spec", "cluster", "name"))
                        && databaseName.equals(candidate.get("spec", "name")))
                .findFirst();
        if (database.isEmpty()) {
            problems.add(name(deployment) + " uses database " + databaseName + ", which no Database of " + clusterName
                    + " creates");
            return;
        }
        String owner = database.get().get("spec", "owner");
        Optional<String> secret = Workloads.secretOf(container(deployment), DATASOURCE_USERNAME);
        Optional<String> login = secret.flatMap(name -> Workloads.secretValue(rendering, name, "username"));
        if (!login.equals(Optional.ofNullable(owner))) {
            problems.add(name(deployment) + " logs in as " + login.orElse(null) + " (from "
                    + secret.map(name -> "Secret/" + name).orElse("no secret") + "), not as " + databaseName
                    + "'s owner " + owner);
        }
        Optional<String> passwordSecret = Workloads.secretOf(container(deployment), DATASOURCE_PASSWORD);
        List<Map<String, Object>> roles = cluster.get().get("spec", "managed", "roles");
        boolean managed = roles != null && passwordSecret.isPresent() && roles.stream()
                .anyMatch(role -> Objects.equals(owner, role.get("name"))
                        && role.get("passwordSecret") instanceof Map<?, ?> rolePassword
                        && passwordSecret.get().equals(rolePassword.get("name")));
        if (!managed) {
            problems.add(clusterName + " does not manage role " + owner + " with the password "
                    + name(deployment) + " reads (" + passwordSecret.map(name -> "Secret/" + name).orElse("from no secret") + ")");
        }
    }

    /**
     * Each Deployment is hardened and complete: non-root, read-only root filesystem with an emptyDir /tmp, requests
     * and a memory limit, its ServiceAccount, a Service, an autoscaler, a disruption budget and a NetworkPolicy that
     * admits only the ingress controller and lets it reach only Kafka, PostgreSQL, DNS and the outside endpoints its
     * configuration names (mail relay, SMS provider).
     */
    public static List<String> workloads(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        Set<Integer> kafkaPorts = rendering.all(Kafka.class).stream()
                .flatMap(kafka -> kafka.getSpec().getKafka().getListeners().stream())
                .map(GenericKafkaListener::getPort).collect(Collectors.toSet());
        for (Deployment deployment : rendering.all(Deployment.class)) {
            String name = name(deployment);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);
            Set<Integer> allowedEgress = new TreeSet<>(kafkaPorts);
            allowedEgress.addAll(List.of(POSTGRES_PORT, DNS_PORT));
            allowedEgress.addAll(configuredPorts(Workloads.configuredValues(rendering, container)));
            Map<String, String> labels = podLabels(deployment);
            boolean nonRoot = Boolean.TRUE.equals(pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsNonRoot())
                    || Boolean.TRUE.equals(container.getSecurityContext() == null ? null : container.getSecurityContext().getRunAsNonRoot());
            require(problems, nonRoot, name + " may run as root");
            require(problems, container.getSecurityContext() != null
                    && Boolean.TRUE.equals(container.getSecurityContext().getReadOnlyRootFilesystem()),
                    name + " has a writable root filesystem");
            boolean tmp = container.getVolumeMounts().stream().anyMatch(mount -> "/tmp".equals(mount.getMountPath())
                    && pod.getVolumes().stream().anyMatch(volume -> volume.getName().equals(mount.getName())
                    && volume.getEmptyDir() != null));
            require(problems, tmp, name + " has no emptyDir on /tmp");
            var resources = container.getResources();
            require(problems, resources != null && resources.getRequests().containsKey("cpu")
                    && resources.getRequests().containsKey("memory") && resources.getLimits().containsKey("memory"),
                    name + " lacks cpu and memory requests or a memory limit");
            require(problems, rendering.named(ServiceAccount.class, String.valueOf(pod.getServiceAccountName())).isPresent(),
                    name + " runs as ServiceAccount " + pod.getServiceAccountName() + ", which is not in the render");
            Optional<Integer> httpPort = Workloads.literal(container, Workloads.HTTP_PORT_VARIABLE).map(Integer::valueOf);
            require(problems, rendering.all(Service.class).stream().anyMatch(service -> selects(service.getSpec().getSelector(), labels)
                    && service.getSpec().getPorts().stream().anyMatch(port -> Workloads.containerPort(container, port.getTargetPort()).equals(httpPort))),
                    name + " has no Service onto its HTTP port");
            require(problems, rendering.all(HorizontalPodAutoscaler.class).stream()
                    .anyMatch(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && deployment.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName())),
                    name + " has no HorizontalPodAutoscaler");
            require(problems, rendering.all(PodDisruptionBudget.class).stream()
                    .anyMatch(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), labels)),
                    name + " has no PodDisruptionBudget");
            List<NetworkPolicy> policies = rendering.all(NetworkPolicy.class).stream()
                    .filter(policy -> selects(policy.getSpec().getPodSelector().getMatchLabels(), labels)).toList();
            require(problems, policies.stream().anyMatch(policy -> policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))),
                    name + " is not isolated by a NetworkPolicy for both ingress and egress");
            for (NetworkPolicy policy : policies) {
                String id = "NetworkPolicy/" + policy.getMetadata().getName();
                policy.getSpec().getIngress().forEach(rule -> {
                    require(problems, !rule.getFrom().isEmpty() && rule.getFrom().stream().allMatch(peer -> peer.getNamespaceSelector() != null
                            && peer.getNamespaceSelector().getMatchLabels() != null && !peer.getNamespaceSelector().getMatchLabels().isEmpty()),
                            id + " admits traffic from beyond the ingress controller's namespace");
                    require(problems, ports(rule.getPorts()).equals(httpPort.map(Set::of).orElse(Set.of())),
                            id + " admits ports " + ports(rule.getPorts()) + " of " + name + ", not just its HTTP port " + httpPort.orElse(null));
                });
                policy.getSpec().getEgress().forEach(rule -> require(problems,
                        !rule.getPorts().isEmpty() && allowedEgress.containsAll(ports(rule.getPorts())),
                        id + " lets " + name + " reach ports " + ports(rule.getPorts())
                                + " beyond Kafka, PostgreSQL, DNS and the endpoints it is configured with " + allowedEgress));
            }
        }
        return problems;
    }

    /**
     * One host exposes the public APIs: every endpoint of every service is routed to that service (the most
     * specific Ingress path wins, as in ingress-nginx), every routed path leads to an endpoint of its service, and
     * nothing but /api/ is routed.
     */
    public static List<String> ingress(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        List<Ingress> ingresses = rendering.all(Ingress.class);
        Set<String> hosts = ingresses.stream().flatMap(ingress -> ingress.getSpec().getRules().stream())
                .map(IngressRule::getHost).collect(Collectors.toCollection(TreeSet::new));
        require(problems, hosts.size() == 1, "the public APIs are not under exactly one host: " + hosts);
        Map<HTTPIngressPath, Optional<ServiceModule>> routes = new LinkedHashMap<>();
        ingresses.stream().flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .forEach(path -> routes.put(path, routedModule(rendering, path)));
        routes.forEach((path, module) -> {
            if (module.isEmpty()) {
                problems.add(path.getPath() + " is routed to Service/" + path.getBackend().getService().getName()
                        + ", which selects no Deployment of a service module");
            } else if (module.get().endpoints().stream().map(ManifestChecks::sampleRequestPath).noneMatch(request -> matches(path, request))) {
                problems.add(path.getPath() + " is routed to " + module.get().name() + ", which serves no such resource");
            }
        });
        // Only the APIs are public: Quarkus' own endpoints (/q: OpenAPI, Swagger UI, metrics, health) are reached on
        // the pod port by the probes and Prometheus, never through the Ingress.
        routes.keySet().forEach(path -> {
            require(problems, path.getPath().startsWith("/api/"),
                    path.getPath() + " is routed although not under /api/");
            NOT_PUBLIC.stream().filter(request -> matches(path, request)).forEach(request ->
                    problems.add(request + " is reachable through the Ingress by " + path.getPath()));
        });
        for (ServiceModule module : ServiceModule.all()) {
            for (String endpoint : module.endpoints()) {
                String request = sampleRequestPath(endpoint);
                Optional<HTTPIngressPath> route = routes.keySet().stream().filter(path -> matches(path, request))
                        .max(Comparator.comparingInt(path -> path.getPath().length()));
                if (INTERNAL.contains(endpoint)) {
                    route.ifPresent(path -> problems.add(module.name() + "'s " + endpoint + " is for the cluster "
                            + "only but the Ingress routes it by " + path.getPath()));
                } else if (route.isEmpty()) {
                    problems.add(module.name() + "'s " + endpoint + " is not exposed by the Ingress");
                } else if (!routes.get(route.get()).map(ServiceModule::name).equals(Optional.of(module.name()))) {
                    problems.add(module.name() + "'s " + endpoint + " is routed by " + route.get().getPath() + " to Service/"
                            + route.get().getBackend().getService().getName());
                }
            }
        }
        return problems;
    }

    /** Requests that must never reach a service from outside. */
    /** Operations only other workloads of the cluster call: Keycloak's phone-number login texting its codes. */
    static final Set<String> INTERNAL = Set.of("/api/v1/login-codes");
    static final List<String> NOT_PUBLIC = List.of("/q/health/ready", "/q/openapi", "/q/swagger-ui/", "/q/metrics",
            "/q/dev-ui", "/");

    private static Optional<ServiceModule> routedModule(Rendering rendering, HTTPIngressPath path) {
        return rendering.named(Service.class, path.getBackend().getService().getName())
                .flatMap(service -> rendering.all(Deployment.class).stream()
                        .filter(deployment -> selects(service.getSpec().getSelector(), podLabels(deployment)))
                        .findFirst())
                .flatMap(Workloads::module);
    }

    /** A request an endpoint answers: every path parameter filled in. */
    private static String sampleRequestPath(String endpoint) {
        return endpoint.replaceAll("\\{[^}]+}", "x1");
    }

    /** Kubernetes path semantics; ImplementationSpecific paths are ingress-nginx regular expressions (use-regex). */
    private static boolean matches(HTTPIngressPath path, String request) {
        return switch (path.getPathType()) {
            case "Exact" -> request.equals(path.getPath());
            case "Prefix" -> request.equals(path.getPath()) || request.startsWith(path.getPath().replaceAll("/$", "") + "/");
            default -> Pattern.compile(path.getPath(), Pattern.CASE_INSENSITIVE).matcher(request).lookingAt();
        };
    }

    /**
     * What production needs on top: at least two replicas of each service spread over nodes, a KRaft quorum and
     * brokers that survive one loss, topics that keep acknowledged writes when a broker goes, three PostgreSQL
     * instances, and backups.
     */
    public static List<String> productionReadiness(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : rendering.all(HorizontalPodAutoscaler.class)) {
            require(problems, hpa.getSpec().getMinReplicas() != null && hpa.getSpec().getMinReplicas() >= 2,
                    "HorizontalPodAutoscaler/" + hpa.getMetadata().getName() + " allows a single replica");
        }
        for (Deployment deployment : rendering.all(Deployment.class)) {
            var affinity = deployment.getSpec().getTemplate().getSpec().getAffinity();
            require(problems, affinity != null && affinity.getPodAntiAffinity() != null,
                    name(deployment) + " has no pod anti-affinity");
        }
        Function<ProcessRoles, Integer> nodes = role -> rendering.all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(role))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        require(problems, nodes.apply(ProcessRoles.CONTROLLER) >= 3, "fewer than three KRaft controllers");
        require(problems, nodes.apply(ProcessRoles.BROKER) >= 3, "fewer than three Kafka brokers");
        for (KafkaTopic topic : rendering.all(KafkaTopic.class)) {
            int replicas = topic.getSpec().getReplicas() == null ? 0 : topic.getSpec().getReplicas();
            int minInSync = Integer.parseInt(String.valueOf(
                    topic.getSpec().getConfig() == null ? "1" : topic.getSpec().getConfig().getOrDefault("min.insync.replicas", "1")));
            require(problems, replicas >= 3 && minInSync >= 2 && minInSync < replicas,
                    "KafkaTopic/" + topic.getMetadata().getName() + " has " + replicas + " replicas and min.insync.replicas "
                            + minInSync + ": acknowledged writes do not survive losing a broker, or one loss stops writes");
            require(problems, topic.getSpec().getPartitions() != null && topic.getSpec().getPartitions() >= 3,
                    "KafkaTopic/" + topic.getMetadata().getName() + " has too few partitions for several consumers");
        }
        for (GenericKubernetesResource cluster : rendering.generic(CNPG_API_VERSION, "Cluster")) {
            String id = "Cluster/" + cluster.getMetadata().getName();
            Integer instances = cluster.get("spec", "instances");
            require(problems, instances != null && instances >= 3, id + " has fewer than three instances");
            List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
            Optional<String> objectStore = Optional.ofNullable(plugins).orElse(List.of()).stream()
                    .filter(plugin -> Boolean.TRUE.equals(plugin.get("isWALArchiver")))
                    .map(plugin -> (Map<?, ?>) plugin.get("parameters"))
                    .filter(Objects::nonNull)
                    .map(parameters -> (String) parameters.get("barmanObjectName")).filter(Objects::nonNull).findFirst();
            require(problems, objectStore.isPresent() && rendering.generic("barmancloud.cnpg.io/v1", "ObjectStore").stream()
                    .anyMatch(store -> store.getMetadata().getName().equals(objectStore.get())),
                    id + " archives its WAL to no ObjectStore in the render");
            require(problems, rendering.generic(CNPG_API_VERSION, "ScheduledBackup").stream()
                    .anyMatch(backup -> cluster.getMetadata().getName().equals(backup.get("spec", "cluster", "name"))),
                    id + " has no ScheduledBackup");
        }
        for (GenericKubernetesResource store : rendering.generic("barmancloud.cnpg.io/v1", "ObjectStore")) {
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                String secret = store.get("spec", "configuration", "s3Credentials", credential, "name");
                String key = store.get("spec", "configuration", "s3Credentials", credential, "key");
                require(problems, secret != null && Workloads.secretKeys(rendering, secret).filter(keys -> keys.contains(key)).isPresent(),
                        "ObjectStore/" + store.getMetadata().getName() + " reads " + credential + " from Secret/" + secret
                                + " key " + key + ", which the render does not provide");
            }
        }
        return problems;
    }

    /** The ports of the outside endpoints a service is configured with: URLs, and *_PORT settings. */
    private static Set<Integer> configuredPorts(Map<String, String> configuration) {
        Set<Integer> ports = new TreeSet<>();
        configuration.forEach((variable, value) -> {
            Matcher url = URL.matcher(value);
            if (url.matches()) {
                ports.add(url.group(2) != null ? Integer.parseInt(url.group(2)) : "https".equals(url.group(1)) ? 443 : 80);
            } else if (variable.endsWith("_PORT") && !variable.equals(Workloads.HTTP_PORT_VARIABLE) && value.matches("\\d+")) {
                ports.add(Integer.parseInt(value));
            }
        });
        return ports;
    }

    private static Set<Integer> ports(List<NetworkPolicyPort> ports) {
        // A rule without a port, or with a named one, opens more than it should: counted as port 0.
        return ports.stream().map(port -> port.getPort() == null || port.getPort().getIntVal() == null ? 0 : port.getPort().getIntVal())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String topicName(KafkaTopic topic) {
        return topic.getSpec() != null && topic.getSpec().getTopicName() != null
                ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }

    private static Map<String, String> labels(KafkaTopic topic) {
        return topic.getMetadata().getLabels() == null ? Map.of() : topic.getMetadata().getLabels();
    }

    private static void require(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
