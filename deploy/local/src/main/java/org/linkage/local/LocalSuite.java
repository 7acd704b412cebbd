package org.linkage.local;

import org.linkage.events.Topics;

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
     * (one WireMock server) and of APNs.
     */
    public record Ports(int postgres, int kafka, int kafkaController, Map<String, List<Integer>> services, int fakes,
                        int apns) {

        public static Ports standard() {
            Map<String, List<Integer>> services = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                services.put(SERVICES.get(i), List.of(8081 + i));
            }
            return new Ports(15432, 19092, 19093, services, 8090, 8443);
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
            return new Ports(freePort(), freePort(), freePort(), services, freePort(), freePort());
        }
    }

    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalFakes fakes;
    private final Map<String, List<ServiceProcess>> services;

    private LocalSuite(LocalPostgres postgres, LocalKafka kafka, LocalFakes fakes,
                       Map<String, List<ServiceProcess>> services) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.fakes = fakes;
        this.services = services;
    }

    public static LocalSuite start(Path root, Path dataDirectory, Ports ports, PrintStream out) throws Exception {
        return start(root, dataDirectory, ports, Map.of(), List.of(), out);
    }

    /**
     * With settings for every service instance on top of the local ones, as environment variables, and JVM options
     * on top of the small heap every instance gets. notification-service reaches people through local fakes of the
     * push services and SMS providers (LocalFakes), whose addresses and generated credentials it gets first.
     */
    public static LocalSuite start(Path root, Path dataDirectory, Ports ports, Map<String, String> settings,
                                   List<String> jvmOptions, PrintStream out) throws Exception {
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        LocalFakes fakes = null;
        Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
        try {
            out.println("Starting PostgreSQL on port " + ports.postgres() + " ...");
            postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), ports.postgres());
            out.println("Starting Kafka on port " + ports.kafka() + " ...");
            kafka = LocalKafka.start(root, dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                    logs.resolve("kafka.log"));
            List<String> topics = new ArrayList<>(Topics.ALL);
            SERVICES.forEach(service -> topics.add(Topics.deadLetter(service)));
            kafka.createTopics(topics);
            out.println("Starting the fakes of APNs, FCM, Huawei Push, Aliyun SMS and Tencent SMS ...");
            fakes = LocalFakes.start(ports.fakes(), ports.apns(), logs.resolve("fakes.log"), out);
            for (String service : SERVICES) {
                String database = service.replace("-service", "");
                Map<String, String> environment = new LinkedHashMap<>();
                if (service.equals("notification-service")) {
                    environment.putAll(fakes.settings());
                }
                environment.putAll(settings);
                environment.putAll(Map.of(
                        // Trusts the dev issuer's tokens (deploy/local/mint-token.sh), which prod refuses.
                        "QUARKUS_PROFILE", "local",
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(database),
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
                List<ServiceProcess> instances = new ArrayList<>();
                List<Integer> servicePorts = ports.services().get(service);
                for (int instance = 0; instance < servicePorts.size(); instance++) {
                    String log = service + (instance == 0 ? "" : "-" + (instance + 1)) + ".log";
                    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
                    options.addAll(jvmOptions);
                    instances.add(ServiceProcess.start(root, service, servicePorts.get(instance), environment,
                            logs.resolve(log), options));
                }
                services.put(service, instances);
            }
            out.println("Starting " + String.join(", ", SERVICES) + " ...");
            for (List<ServiceProcess> instances : services.values()) {
                for (ServiceProcess instance : instances) {
                    instance.awaitReady(Duration.ofMinutes(5));
                }
            }
            return new LocalSuite(postgres, kafka, fakes, services);
        } catch (Exception e) {
            new LocalSuite(postgres, kafka, fakes, services).close();
            throw e;
        }
    }

    /** The first instance's address. */
    public String url(String service) {
        return services.get(service).get(0).baseUrl();
    }

    /** Every instance's address. */
    public List<String> urls(String service) {
        return services.get(service).stream().map(ServiceProcess::baseUrl).toList();
    }

    /** Resident memory of a service's (first) process, from /proc (Linux). */
    public long residentKilobytes(String service) {
        long pid = services.get(service).get(0).pid();
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    public void printUrls(PrintStream out) {
        out.println();
        out.println("Linkage is up:");
        services.values().stream().flatMap(List::stream).forEach(service -> out.printf(
                "  %-22s %s/api/v1   Swagger UI: %s/q/swagger-ui%n", service.name(), service.baseUrl(), service.baseUrl()));
        out.println("  PostgreSQL             localhost:" + postgres.port() + " (postgres/postgres)");
        out.println("  Kafka                  " + kafka.bootstrapServers());
        fakes.printUrls(out);
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--wipe" -> wipe = true;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: run.sh [--demo] [--wipe] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        if (wipe) {
            System.out.println("Wiping " + data);
            deleteRecursively(data);
        }
        LocalSuite suite = start(root, data, Ports.standard(), System.out);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
