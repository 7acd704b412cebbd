package org.linkage.chassis.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkage.chassis.kafka.ReliableProducers;
import org.linkage.chassis.tracing.TraceContext;
import org.linkage.events.Topics;
import org.postgresql.PGConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in commit order, keyed by aggregate id.
 *
 * <p>Of all replicas of a service only the holder of a PostgreSQL advisory lock publishes, so rows go out in
 * order; the others wait to take over. The leader LISTENs for the NOTIFY that {@link Outbox} issues, which
 * PostgreSQL delivers the moment a writing transaction commits, so events leave right after commit; polling
 * every {@link OutboxConfig#pollInterval()} is only the safety net. A row is marked published only after the
 * broker acknowledged it (acks=all, idempotent producer); a crash in between publishes it again, which the
 * idempotent consumers absorb.
 *
 * <p>Every replica, leader or not, reports the backlog (rows not yet published and the age of the oldest) as
 * gauges, so that a relay that stopped publishing shows on the dashboard whichever replica is scraped.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration BACKLOG_CHECK_INTERVAL = Duration.ofSeconds(1);
    /** The header every record carries, so that consumers skip the types they do not handle unread. */
    private static final String EVENT_TYPE_HEADER = "eventType";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final ReliableProducers producers;
    private final String serviceName;
    private final Counter published;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile int consecutiveFailures;
    private volatile Instant lastCleanup = Instant.EPOCH;
    private volatile long pendingRows;
    private volatile Instant oldestPendingCreatedAt;
    private volatile long lastBacklogCheckNanos = System.nanoTime() - BACKLOG_CHECK_INTERVAL.toNanos();
    private Thread worker;
    private KafkaProducer<String, String> producer;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
                ReliableProducers producers,
                @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.dataSource = dataSource;
        this.config = config;
        this.producers = producers;
        this.serviceName = serviceName;
        this.published = Counter.builder("linkage.outbox.published")
                .description("Events the outbox relay published to Kafka").register(registry);
        Gauge.builder("linkage.outbox.pending", () -> pendingRows)
                .description("Outbox rows not yet published to Kafka").register(registry);
        TimeGauge.builder("linkage.outbox.oldest.unpublished.age", this::oldestPendingAgeSeconds,
                        TimeUnit.SECONDS)
                .description("How long the oldest unpublished outbox row has waited; 0 when none waits")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public boolean isLeader() {
        return leader;
    }

    /** True while the relay keeps failing to reach PostgreSQL or Kafka. */
    public boolean isFailing() {
        return consecutiveFailures >= 3;
    }

    public boolean isRunning() {
        return running && worker != null && worker.isAlive();
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                if (!tryLead(connection)) {
                    checkBacklogIfDue(connection);
                    consecutiveFailures = 0;
                    sleep(config.pollInterval().toMillis());
                    continue;
                }
                leader = true;
                LOG.infof("Outbox relay of %s is the leader", serviceName);
                warmUp();
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + Outbox.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    checkBacklogIfDue(connection);
                    drain(connection);
                    cleanUpIfDue(connection);
                    consecutiveFailures = 0;
                    // Blocks until a writer commits (NOTIFY) or the poll interval passes.
                    notifications.getNotifications((int) config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                consecutiveFailures++;
                LOG.warnf("Outbox relay failed (%d in a row), retrying: %s", consecutiveFailures, e.toString());
                sleep(Math.min(5_000, 200L * consecutiveFailures));
            } finally {
                leader = false;
            }
        }
    }

    /**
     * Creates the producer and fetches every topic's partitions now, not on the first event: the first need after a
     * start otherwise waited for both (about a second). Then, beside the relay, sends one record to the warm-up
     * topic: the first event of each relay otherwise took 15-20 ms more, its producer's send path run for the first
     * time (classes loaded, code interpreted). The warm-up record is not an event; nobody reads that topic.
     */
    private void warmUp() {
        boolean newProducer = producer == null;
        for (String topic : Topics.ALL) {
            try {
                producer().partitionsFor(topic);
            } catch (RuntimeException e) {
                LOG.debugf("No metadata for %s yet: %s", topic, e.toString());
            }
        }
        if (!newProducer) {
            return; // the producer lives as long as the process: its code stays warm when the relay leads again
        }
        KafkaProducer<String, String> warming = producer();
        // Beside the relay: a deployment without the topic waits for its metadata, the relay does not.
        Thread sender = new Thread(() -> sendWarmUpRecord(warming), "outbox-relay-warm-up");
        sender.setDaemon(true);
        sender.start();
    }

    private void sendWarmUpRecord(KafkaProducer<String, String> warming) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.WARM_UP, serviceName,
                    "{\"warmUp\":\"" + serviceName + "\"}");
            record.headers().add(EVENT_TYPE_HEADER, bytes("WarmUp"));
            warming.send(record).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("The warm-up record was not sent: %s", e.toString());
        }
    }

    /** Session-level lock: held while this connection lives, released by PostgreSQL when it dies. */
    private boolean tryLead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey());
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private long lockKey() {
        return ("linkage-outbox-relay:" + serviceName).hashCode();
    }

    private void drain(Connection connection) throws Exception {
        while (running) {
            List<Long> sent = publishBatch(connection);
            if (sent.isEmpty()) {
                return;
            }
            markPublished(connection, sent);
            published.increment(sent.size());
            if (sent.size() < config.batchSize()) {
                return;
            }
        }
    }

    private List<Long> publishBatch(Connection connection) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, topic, message_key, payload, event_id, event_type, traceparent
                FROM linkage_outbox WHERE published_at IS NULL ORDER BY id LIMIT ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(
                            rows.getString("topic"), rows.getString("message_key"), rows.getString("payload"));
                    record.headers().add("eventId", bytes(rows.getString("event_id")));
                    record.headers().add(EVENT_TYPE_HEADER, bytes(rows.getString("event_type")));
                    // Also as a header, where tracing tools look for it without reading the payload.
                    String traceparent = rows.getString("traceparent");
                    if (traceparent != null) {
                        record.headers().add(TraceContext.TRACEPARENT, bytes(traceparent));
                    }
                    ids.add(rows.getLong("id"));
                    acks.add(producer().send(record));
                }
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(ids.get(i));
            } catch (Exception e) {
                // Keep what was acknowledged before the failure; the rest goes again in order next round.
                if (!acknowledged.isEmpty()) {
                    markPublished(connection, acknowledged);
                    published.increment(acknowledged.size());
                }
                throw e;
            }
        }
        return acknowledged;
    }

    private void markPublished(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE linkage_outbox SET published_at = now() WHERE id = ANY(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void cleanUpIfDue(Connection connection) throws SQLException {
        if (lastCleanup.isAfter(Instant.now().minusSeconds(3600))) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM linkage_outbox WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            delete.executeUpdate();
        }
        lastCleanup = Instant.now();
    }

    private void checkBacklogIfDue(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (now - lastBacklogCheckNanos < BACKLOG_CHECK_INTERVAL.toNanos()) {
            return;
        }
        lastBacklogCheckNanos = now;
        try (Statement statement = connection.createStatement();
             ResultSet backlog = statement.executeQuery(
                     "SELECT count(*), min(created_at) FROM linkage_outbox WHERE published_at IS NULL")) {
            backlog.next();
            pendingRows = backlog.getLong(1);
            Timestamp oldest = backlog.getTimestamp(2);
            oldestPendingCreatedAt = oldest == null ? null : oldest.toInstant();
        }
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = oldestPendingCreatedAt;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = producers.create(serviceName + "-outbox-relay");
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
