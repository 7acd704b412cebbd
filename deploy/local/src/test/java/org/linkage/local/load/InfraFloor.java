package org.linkage.local.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * What a need's path costs with nothing of ours in it: on the same broker and database, at the same rate, each
 * arrival is a PostgreSQL commit, a Kafka produce → consume, a commit, a produce → consume and a commit, with the
 * raw clients configured as the services' (acks=all, idempotent, no linger; one transaction per record). The
 * suite's path has these three commits and two hops on its critical path, plus HTTP, JSON and the matching itself.
 */
final class InfraFloor {

    private static final String FIRST = "linkage.load-floor.first";
    private static final String SECOND = "linkage.load-floor.second";

    private InfraFloor() {
    }

    /**
     * Runs the floor's pipeline at that rate for the warm-up (consumers joining their groups, JIT) and then for
     * the duration; the latencies from each arrival's due time, of those due after the warm-up.
     */
    static Latencies measure(String bootstrapServers, Function<String, String> jdbcUrl, double perSecond,
                             Duration warmUp, Duration duration) throws Exception {
        String url = database(jdbcUrl);
        createTopics(bootstrapServers);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(bootstrapServers))) {
            Thread relay = stage(bootstrapServers, url, FIRST, running,
                    (key, due) -> producer.send(new ProducerRecord<>(SECOND, key, Long.toString(due))));
            long period = (long) (1_000_000_000L / perSecond);
            long warmUpCount = (long) (warmUp.toNanos() / (double) period);
            long count = warmUpCount + (long) (duration.toNanos() / (double) period);
            long start = System.nanoTime();
            long measuredFrom = MicroClock.at(start + warmUpCount * period);
            Thread last = stage(bootstrapServers, url, SECOND, running, (key, due) -> {
                if (due >= measuredFrom) {
                    latencies.add(MicroClock.now() - due);
                }
            });
            ExecutorService requests = Executors.newFixedThreadPool(4);
            ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
            ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                Connection connection = connect(url);
                opened.add(connection);
                return connection;
            });
            for (long i = 0; i < count; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long dueMicros = MicroClock.at(due);
                requests.execute(() -> {
                    String key = UUID.randomUUID().toString();
                    commit(connections.get());
                    producer.send(new ProducerRecord<>(FIRST, key, Long.toString(dueMicros)));
                });
            }
            requests.shutdown();
            requests.awaitTermination(1, TimeUnit.MINUTES);
            for (Connection connection : opened) {
                connection.close();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latencies.size() < count - warmUpCount && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            running.set(false);
            relay.join();
            last.join();
        }
        return Latencies.of(latencies);
    }

    private interface Next {
        void accept(String key, long dueMicros);
    }

    /** A consumer that commits each record's row in its own transaction, then hands it on. */
    private static Thread stage(String bootstrapServers, String url, String topic, AtomicBoolean running, Next next) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers,
                    topic)); Connection connection = connect(url)) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        commit(connection);
                        next.accept(record.key(), Long.parseLong(record.value()));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "floor-" + topic);
        thread.start();
        return thread;
    }

    /** One row in its own transaction (autocommit), as each step of a need commits its own. */
    private static void commit(Connection connection) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO floor_row (id, at) VALUES (?, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String database(Function<String, String> jdbcUrl) throws SQLException {
        try (Connection postgres = HopTimes.connect(jdbcUrl.apply("postgres"));
             Statement statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS load_floor");
            statement.execute("CREATE DATABASE load_floor");
        }
        String url = jdbcUrl.apply("load_floor");
        try (Connection connection = HopTimes.connect(url); Statement statement = connection.createStatement()) {
            // Keyed like the services' rows, on one primary key index: the same write per commit.
            statement.execute("CREATE TABLE floor_row (id UUID PRIMARY KEY, at TIMESTAMPTZ NOT NULL)");
        }
        return url;
    }

    private static Connection connect(String url) {
        try {
            return HopTimes.connect(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            admin.createTopics(List.of(FIRST, SECOND).stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> producerProperties(String bootstrapServers) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    private static Map<String, Object> consumerProperties(String bootstrapServers, String topic) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "load-floor-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
