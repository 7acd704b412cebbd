package org.linkage.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A stock Apache Kafka broker (KRaft, single node) as its own process, its log kept in a folder. */
final class LocalKafka implements AutoCloseable {

    private final Process process;
    private final int port;
    private Restart restart;

    /** How to start the same broker again, on its data. */
    private interface Restart {
        LocalKafka start() throws IOException, InterruptedException;
    }

    private LocalKafka(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    long pid() {
        return process.pid();
    }

    /** Kills the broker as kill -9 would and starts it again on the same data and ports. */
    LocalKafka killAndRestart() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return restart.start();
    }

    static LocalKafka start(Path root, Path dataDirectory, int port, int controllerPort, Path logFile)
            throws IOException, InterruptedException {
        Path dist = root.resolve("deploy/local/kafka-dist/target");
        if (!Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException("Kafka broker jars missing in " + dist + "; run ./mvnw package first");
        }
        Files.createDirectories(dataDirectory);
        Path logDirectory = dataDirectory.resolve("log");
        Path properties = dataDirectory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            // One argument, "--cluster-id=...": an id starting with '-' (1 in 64) would otherwise be read as an option.
            Process format = java(dist, logFile, "kafka.tools.StorageTool", "format",
                    "--cluster-id=" + clusterId(),
                    "-c", properties.toString(), "--standalone");
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile);
            }
        }
        Process broker = java(dist, logFile, "kafka.Kafka", properties.toString());
        LocalKafka kafka = new LocalKafka(broker, port);
        kafka.restart = () -> start(root, dataDirectory, port, controllerPort, logFile);
        kafka.awaitListening(Duration.ofSeconds(60));
        return kafka;
    }

    /** What StorageTool random-uuid prints: 16 random bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static Process java(Path dist, Path logFile, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dist.resolve("config/log4j2.properties"),
                "-cp", dist.resolve("lib") + "/*", mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The Kafka broker did not listen on " + port + " within " + timeout);
    }

    /**
     * Creates the topics before the services start, as the Strimzi KafkaTopics do in a cluster: consumers then get
     * their partitions at once instead of discovering an auto-created topic seconds after the first event.
     */
    void createTopics(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
