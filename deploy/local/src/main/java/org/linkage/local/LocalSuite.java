package org.linkage.local;

import org.linkage.events.Topics;
import org.linkage.testing.Tokens;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The whole suite on one machine: PostgreSQL (one database per service), a Kafka broker and the four services,
 * each its own process. {@code deploy/local/run.sh} runs it for people; the system test runs it for CI.
 */
public final class LocalSuite implements AutoCloseable {

    public static final List<String> SERVICES =
            List.of("volunteer-service", "activity-service", "matching-service", "notification-service");

    /**
     * Where each part listens: one port per instance of a service; the fakes of FCM, Huawei Push and the SMS providers
     * (one WireMock server) and of APNs; Keycloak (its management interface on the next port).
     */
    public record Ports(int postgres, int kafka, int kafkaController, Map<String, List<Integer>> services, int fakes,
                        int apns, int keycloak) {

        public static Ports standard() {
            Map<String, List<Integer>> services = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                services.put(SERVICES.get(i), List.of(8081 + i));
            }
            return new Ports(15432, 19092, 19093, services, 8090, 8443, 8180);
        }

        /** Free ports, one instance of each service, so that a test suite never collides with a local run. */
        public static Ports free() {
            return free(1);
        }

        /** Free ports for that many instances of each service, all sharing one database per service. */
        public static Ports free(int instances) {
            Map<String, List<Integer>> services = new LinkedHashMap<>();
            SERVICES.forEach(service -> services.put(service,
                    IntStream.range(0, instances).mapToObj(i -> freePort()).toList()));
            return new Ports(freePort(), freePort(), freePort(), services, freePort(), freePort(), freePortPair());
        }
    }

    /**
     * Every service instance's JVM: a small heap that grows only as needed and gives memory back after a full
     * collection, one collector thread (docs/performance.md "Start and memory"). Only the quick compiler (C1): four
     * JVMs beside PostgreSQL and Kafka on a developer's machine spent a quarter of their CPU in C2 in their first
     * minutes under load, and fell behind at 50 needs/s; with C1 alone they start in half the time and keep up. A
     * caller's later -XX:TieredStopAtLevel=4 brings C2 back (the images keep it: a pod has its own CPUs).
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
            "-XX:TieredStopAtLevel=1",
            // With C1 alone the code cache is 48 MB, and every 15 % of it compiled (7 MB) set off a full collection,
            // as did each step of the class metadata past 21 MB: 100-375 ms pauses in a service's first minute.
            // Both are thresholds, not memory taken.
            "-XX:ReservedCodeCacheSize=240m", "-XX:MetaspaceSize=128m",
            // The JDK HttpClient (push, SMS) completes sendAsync on the common pool; at parallelism 1 (2 CPUs) that
            // pool starts a thread per task.
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");

    private final LocalPostgres postgres;
    private LocalKafka kafka;
    private final LocalFakes fakes;
    private final LocalKeycloak keycloak;
    private final Map<String, List<ServiceProcess>> services;

    private LocalSuite(LocalPostgres postgres, LocalKafka kafka, LocalFakes fakes, LocalKeycloak keycloak,
                       Map<String, List<ServiceProcess>> services) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.fakes = fakes;
        this.keycloak = keycloak;
        this.services = services;
    }

    /** What runs besides the services: Keycloak (when a JDK 21+ is found) and whether it keeps its users. */
    public enum Identity {
        /** No Keycloak: the services trust the dev issuer's tokens only (mint-token.sh). */
        DEV_TOKENS,
        /** Keycloak with its users in memory (tests). */
        KEYCLOAK_IN_MEMORY,
        /** Keycloak keeping its users from one run to the next (the local run). */
        KEYCLOAK
    }

    public static LocalSuite start(Path root, Path dataDirectory, Ports ports, PrintStream out) throws Exception {
        return start(root, dataDirectory, ports, Map.of(), List.of(), Identity.DEV_TOKENS, out);
    }

    /**
     * With settings for every service instance on top of the local ones, as environment variables, and JVM options
     * on top of the small heap every instance gets. notification-service reaches people through local fakes of the
     * push services and SMS providers (LocalFakes), whose addresses and generated credentials it gets first.
     */
    public static LocalSuite start(Path root, Path dataDirectory, Ports ports, Map<String, String> settings,
                                   List<String> jvmOptions, Identity identity, PrintStream out) throws Exception {
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        LocalFakes fakes = null;
        LocalKeycloak keycloak = null;
        Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
        try {
            if (identity != Identity.DEV_TOKENS) {
                // First, as it takes longest; the services need it only when someone logs in.
                keycloak = startKeycloak(root, ports, identity == Identity.KEYCLOAK, logs.resolve("keycloak.log"), out);
            }
            out.println("Starting PostgreSQL on port " + ports.postgres() + " ...");
            postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), ports.postgres());
            out.println("Starting Kafka on port " + ports.kafka() + " ...");
            kafka = LocalKafka.start(root, dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                    logs.resolve("kafka.log"));
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.add(Topics.WARM_UP);
            SERVICES.forEach(service -> topics.add(Topics.deadLetter(service)));
            kafka.createTopics(topics);
            out.println("Starting the fakes of APNs, FCM, Huawei Push, Aliyun SMS and Tencent SMS ...");
            fakes = LocalFakes.start(ports.fakes(), ports.apns(), logs.resolve("fakes.log"), out,
                    "http://127.0.0.1:" + ports.services().get("notification-service").get(0));
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : SERVICES) {
                String database = databaseOf(service);
                Map<String, String> environment = new LinkedHashMap<>();
                if (service.equals("notification-service")) {
                    environment.putAll(fakes.settings());
                }
                environment.putAll(settings);
                if (keycloak != null) {
                    // Keycloak signs with the dev key, so the local key file verifies its tokens; only the issuer
                    // changes, and mint-token.sh follows it (Tokens.ISSUER_PROPERTY).
                    environment.put("LINKAGE_AUTH_ISSUER", keycloak.issuer());
                }
                environment.putAll(Map.of(
                        // Trusts the dev issuer's tokens (deploy/local/mint-token.sh), which prod refuses.
                        "QUARKUS_PROFILE", "local",
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(database),
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
                environments.put(service, environment);
            }
            List<String> options = new ArrayList<>(SERVICE_JVM_OPTIONS);
            options.addAll(jvmOptions);
            Path javaHome = serviceJavaHome();
            Map<String, AotCache> caches = new LinkedHashMap<>();
            if (Jdks.majorVersion(javaHome) >= 25) {
                // Named by the launcher's own options: a caller's (a profiler's, say) use the same cache, which the
                // JVM takes as far as their flags allow.
                SERVICES.forEach(service -> caches.put(service,
                        AotCache.of(root, service, javaHome, SERVICE_JVM_OPTIONS)));
                trainAotCaches(root, ports, environments, javaHome, options, caches, logs, out);
            }
            out.println("Services run on JDK " + Jdks.version(javaHome) + " (" + javaHome + "), "
                    + (caches.values().stream().anyMatch(AotCache::exists) ? "from their ahead-of-time caches"
                    : "without ahead-of-time caches (they need a JDK 25+: LINKAGE_SERVICE_JAVA_HOME or /usr/lib/jvm)"));
            long servicesStarted = System.nanoTime();
            for (String service : SERVICES) {
                List<String> serviceOptions = new ArrayList<>(options);
                Optional.ofNullable(caches.get(service)).flatMap(AotCache::useOption).ifPresent(serviceOptions::add);
                List<ServiceProcess> instances = new ArrayList<>();
                List<Integer> servicePorts = ports.services().get(service);
                for (int instance = 0; instance < servicePorts.size(); instance++) {
                    String log = service + (instance == 0 ? "" : "-" + (instance + 1)) + ".log";
                    instances.add(ServiceProcess.start(root, service, servicePorts.get(instance),
                            environments.get(service), logs.resolve(log), javaHome, serviceOptions));
                }
                services.put(service, instances);
            }
            out.println("Starting " + String.join(", ", SERVICES) + " ...");
            for (List<ServiceProcess> instances : services.values()) {
                for (ServiceProcess instance : instances) {
                    instance.awaitReady(Duration.ofMinutes(5));
                }
            }
            out.printf("Services ready %.1f s after the first was started:%n",
                    (System.nanoTime() - servicesStarted) / 1e9);
            LocalSuite suite = new LocalSuite(postgres, kafka, fakes, keycloak, services);
            suite.printStartTimes(out);
            if (keycloak != null) {
                keycloak.awaitReady(Duration.ofMinutes(5));
            }
            return suite;
        } catch (Exception e) {
            new LocalSuite(postgres, kafka, fakes, keycloak, services).close();
            throw e;
        }
    }

    /** LINKAGE_SERVICE_JAVA_HOME, else a JDK 25+ (whose ahead-of-time cache halves the start), else this JVM's. */
    private static Path serviceJavaHome() {
        String named = System.getenv("LINKAGE_SERVICE_JAVA_HOME");
        if (named != null && !named.isBlank() && Files.isExecutable(Jdks.java(Path.of(named)))) {
            return Path.of(named);
        }
        return Jdks.atLeast(25, "LINKAGE_SERVICE_JAVA_HOME").orElse(Path.of(System.getProperty("java.home")));
    }

    /**
     * Writes the missing ahead-of-time caches: starts those services once with -XX:AOTCacheOutput, waits until they
     * are ready and their request path warmed up, and stops them, the JVM writing its cache as it exits. Once per build
     * of a service; a training run that fails only means starting without its cache.
     */
    private static void trainAotCaches(Path root, Ports ports, Map<String, Map<String, String>> environments,
                                       Path javaHome, List<String> options, Map<String, AotCache> caches, Path logs,
                                       PrintStream out) throws InterruptedException {
        List<String> missing = SERVICES.stream().filter(service -> !caches.get(service).exists()).toList();
        if (missing.isEmpty()) {
            return;
        }
        out.println("Training the ahead-of-time caches of " + String.join(", ", missing)
                + " (once per build: they start, then stop) ...");
        long started = System.nanoTime();
        Map<String, ServiceProcess> training = new LinkedHashMap<>();
        try {
            for (String service : missing) {
                List<String> trainingOptions = new ArrayList<>(options);
                trainingOptions.add(caches.get(service).trainOption());
                training.put(service, ServiceProcess.start(root, service, ports.services().get(service).get(0),
                        environments.get(service), logs.resolve(service + "-aot-training.log"), javaHome,
                        trainingOptions));
            }
            for (ServiceProcess process : training.values()) {
                // Started: its request path warmed up, so that the cache holds those classes too.
                process.awaitReady(Duration.ofMinutes(5));
                process.awaitStarted(Duration.ofMinutes(1));
            }
        } catch (IOException | RuntimeException e) {
            out.println("Training the ahead-of-time caches failed (" + e + "); starting without them");
        } finally {
            training.values().forEach(ServiceProcess::requestStop);
            for (Map.Entry<String, ServiceProcess> entry : training.entrySet()) {
                AotCache cache = caches.get(entry.getKey());
                try {
                    // The JVM assembles its cache as it exits: a few seconds of CPU after the stop.
                    if (!(entry.getValue().awaitStopped(Duration.ofMinutes(3)) && cache.keepTraining())) {
                        cache.discardTraining();
                    }
                } catch (IOException e) {
                    out.println("No ahead-of-time cache for " + entry.getKey() + ": " + e);
                }
            }
        }
        out.printf("Ahead-of-time caches written in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static LocalKeycloak startKeycloak(Path root, Ports ports, boolean persistent, Path log, PrintStream out)
            throws IOException, InterruptedException {
        Path javaHome = LocalKeycloak.java21().orElse(null);
        if (javaHome == null) {
            out.println("Keycloak NOT started: it needs a JDK 21+ (none found; set LINKAGE_KEYCLOAK_JAVA_HOME). The "
                    + "services trust dev tokens only: use deploy/local/mint-token.sh.");
            return null;
        }
        out.println("Starting Keycloak on port " + ports.keycloak() + " with " + javaHome
                + " (first start ~1 min) ...");
        String notification = "http://127.0.0.1:" + ports.services().get("notification-service").get(0);
        return LocalKeycloak.start(root, javaHome, ports.keycloak(), notification, persistent, log);
    }

    /**
     * Until every service's startup checks pass too (their request paths warmed up): when Kubernetes' startup probe
     * would let traffic in. Ready, which {@link #start} waits for, comes a few seconds earlier.
     */
    public void awaitStarted(Duration timeout) throws InterruptedException {
        for (List<ServiceProcess> instances : services.values()) {
            for (ServiceProcess instance : instances) {
                instance.awaitStarted(timeout);
            }
        }
    }

    /** Keycloak, when it runs. */
    public Optional<LocalKeycloak> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    /** The issuer whose tokens the services trust: Keycloak's realm, or the dev issuer. */
    public String tokenIssuer() {
        return keycloak == null ? Tokens.DEV_ISSUER : keycloak.issuer();
    }

    /** The first instance's address. */
    public String url(String service) {
        return services.get(service).get(0).baseUrl();
    }

    /** Every instance's address. */
    public List<String> urls(String service) {
        return services.get(service).stream().map(ServiceProcess::baseUrl).toList();
    }

    /**
     * Kills a service's first instance, or the broker ("kafka"), as kill -9 would, and starts it again at once on
     * the same port and data; returns when it is ready (listening, for the broker).
     */
    public synchronized void killAndRestart(String part) throws Exception {
        if (part.equals("kafka")) {
            kafka = kafka.killAndRestart();
            return;
        }
        List<ServiceProcess> instances = new ArrayList<>(services.get(part));
        ServiceProcess restarted = instances.get(0).killAndRestart();
        instances.set(0, restarted);
        services.put(part, instances);
        restarted.awaitReady(Duration.ofMinutes(5));
    }

    /** A service's database: one per service, named without the suffix ("activity" for activity-service). */
    public static String databaseOf(String service) {
        return service.replace("-service", "");
    }

    /** The JDBC URL of a service's database ("activity", "matching", ...), user and password postgres. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.port() + "/" + database;
    }

    /**
     * The process id of each part that runs now: each service's first instance, the broker ("kafka") and
     * PostgreSQL's postmaster ("postgres"); the load benchmark sums their and their children's CPU time.
     */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, instances) -> pids.put(name, instances.get(0).pid()));
        pids.put("kafka", kafka.pid());
        postgres.pid().ifPresent(pid -> pids.put("postgres", pid));
        return pids;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Resident memory of a service's (first) process, from /proc (Linux). */
    public long residentKilobytes(String service) {
        return services.get(service).get(0).residentKilobytes();
    }

    /** How long each instance took from its process's start to ready, and its resident memory now. */
    public void printStartTimes(PrintStream out) {
        services.values().stream().flatMap(List::stream).forEach(service -> out.printf(
                "  %-22s ready %5.1f s after its start (CPU %4.1f s), RSS now %d MB%n", service.name(),
                service.readyAfter().toMillis() / 1000.0, service.cpuSecondsToReady(),
                service.residentKilobytes() / 1024));
    }

    public void printUrls(PrintStream out) {
        out.println();
        out.println("Linkage is up:");
        services.values().stream().flatMap(List::stream).forEach(service -> out.printf(
                "  %-22s %s/api/v1   Swagger UI: %s/q/swagger-ui%n", service.name(), service.baseUrl(), service.baseUrl()));
        out.println("  PostgreSQL             localhost:" + postgres.port() + " (postgres/postgres)");
        out.println("  Kafka                  " + kafka.bootstrapServers());
        fakes.printUrls(out);
        if (keycloak != null) {
            keycloak.printUrls(out);
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values().stream().flatMap(List::stream).toList());
        java.util.Collections.reverse(reversed);
        for (ServiceProcess service : reversed) {
            quietly(service::close);
        }
        if (fakes != null) {
            quietly(fakes::close);
        }
        if (keycloak != null) {
            quietly(keycloak::close);
        }
        if (kafka != null) {
            quietly(kafka::close);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("linkage.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve("deploy/local/data");
        boolean demo = false;
        boolean wipe = false;
        Identity identity = Identity.KEYCLOAK;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--wipe" -> wipe = true;
                case "--no-keycloak" -> identity = Identity.DEV_TOKENS;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: run.sh [--demo] [--wipe] [--no-keycloak] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        if (wipe) {
            System.out.println("Wiping " + data);
            deleteRecursively(data);
        }
        LocalSuite suite = start(root, data, Ports.standard(), Map.of(), List.of(), identity, System.out);
        // mint-token.sh (and the demo below) sign for the issuer the services now trust.
        Files.writeString(data.resolve("token-issuer"), suite.tokenIssuer());
        System.setProperty(Tokens.ISSUER_PROPERTY, suite.tokenIssuer());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Linkage ...");
            suite.close();
        }, "linkage-stop"));
        suite.printUrls(System.out);
        if (demo) {
            new DemoDistrict(suite).seed(System.out);
        }
        System.out.println("Data in " + data + ", logs in " + data.resolve("logs") + ". Ctrl-C stops everything.");
        Thread.currentThread().join();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A free port whose successor is free too (Keycloak's management interface). */
    private static final int FIRST_PORT = 20_000;
    private static final int PORT_RANGE = 12_000;
    private static final java.util.Random PORTS = new java.util.Random();
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static int freePortPair() {
        for (int tries = 0; tries < 50; tries++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                HANDED_OUT.add(port + 1);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No two free ports in a row");
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up): a port the kernel handed out (port 0) can be
     * taken by an outgoing connection of Kafka, JDBC or HTTP clients before the service binds it, which once stopped a
     * replica from starting. Never the same port twice in one JVM.
     */
    private static int freePort() {
        for (int tries = 0; tries < 500; tries++) {
            int port = FIRST_PORT + PORTS.nextInt(PORT_RANGE);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port from " + FIRST_PORT + " to "
                + (FIRST_PORT + PORT_RANGE)));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("While stopping: " + e);
        }
    }
}
