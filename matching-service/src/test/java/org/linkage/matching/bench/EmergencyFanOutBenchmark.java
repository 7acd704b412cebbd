package org.linkage.matching.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.matching.service.CandidateIndex;
import org.linkage.testing.EmbeddedKafka;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Emergency fan-out with 100,000 volunteers loaded, against the real Kafka broker and PostgreSQL: from the
 * NeedRaised record produced to the last of its seven AssignmentOffered records published by the outbox relay
 * (both Kafka record timestamps, so the consumer's own fetch of the need is included). Run with {@code -Pbench};
 * {@code -Dbench.warm-up-needs=N} sets the warm-up.
 */
@QuarkusTest
@TestProfile(EmergencyFanOutBenchmark.LongTimers.class)
@WithTestResource(InfrastructureTestResource.class)
class EmergencyFanOutBenchmark {

    static final int VOLUNTEERS = 100_000;
    static final int RESPONDERS = 7;
    static final GeoPoint CITY = new GeoPoint(31.2304, 121.4737);

    public static class LongTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Nothing expires or widens while the benchmark runs.
            return Map.of("linkage.matching.offer-ttl.emergency", "1h", "linkage.matching.emergency.widen-after", "1h");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    CandidateIndex index;

    @Inject
    MeterRegistry meters;

    /** The service's own timer (its buckets set by {@link LivePositionBenchmark.ServerPercentiles}). */
    private Timer handled() {
        return meters.find("linkage.matching.need.event.handled").timer();
    }

    @Test
    void fromNeedRaisedToAllOffersPublished() throws Exception {
        load();
        index.rebuild();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties());
             KafkaConsumer<String, String> offers = new KafkaConsumer<>(consumerProperties())) {
            // The first offers create the topic whose partitions the measuring consumer reads.
            UUID first = raise(new Random(1), producer).needId();
            TopicProbe.await(Topics.ASSIGNMENT_EVENTS, AssignmentOffered.TYPE,
                    e -> e.aggregateId().equals(first.toString()), Duration.ofSeconds(30));
            List<TopicPartition> partitions = offers.partitionsFor(Topics.ASSIGNMENT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            offers.assign(partitions);
            offers.seekToEnd(partitions);
            partitions.forEach(offers::position);
            Random random = new Random(3);
            // The JIT keeps compiling for a long while (the broker runs in this JVM too): after 50 needs of warm-up
            // the measured part was three times as slow, after 1,500 still half again as slow, as after 3,000.
            int warmUp = Integer.getInteger("bench.warm-up-needs", 3_000);
            int measured = 400;
            long[] latencies = new long[measured];
            long[] untilConsumed = new long[measured];
            // What else stopped the JVM meanwhile: collector time during each measured fan-out (the broker, the
            // service and this client share the JVM, so a pause delays all three).
            long[] collectorMillis = new long[measured];
            HistogramSnapshot handledBefore = null;
            for (int i = 0; i < warmUp + measured; i++) {
                if (i == warmUp) {
                    handledBefore = handled().takeSnapshot();
                }
                long collectedBefore = collectorMillis();
                FanOut fanOut = fanOut(random, producer, offers);
                if (i >= warmUp) {
                    latencies[i - warmUp] = fanOut.nanos();
                    untilConsumed[i - warmUp] = fanOut.untilConsumedNanos();
                    collectorMillis[i - warmUp] = collectorMillis() - collectedBefore;
                }
            }
            System.out.printf("%n== Emergency fan-out, %d volunteers loaded, %d responders per need, after %d needs"
                    + " of warm-up ==%nraised -> all offers published: %s%nof which raised -> handler started: %s%n",
                    VOLUNTEERS, RESPONDERS, warmUp, new Percentiles(latencies), new Percentiles(untilConsumed));
            HistogramSnapshot handledAfter = handled().takeSnapshot();
            System.out.printf("server side (need event consumed -> offers committed): %s; mean %.2f ms%n",
                    LivePositionBenchmark.measuredOnly(handledBefore, handledAfter),
                    (handledAfter.total(TimeUnit.MILLISECONDS) - handledBefore.total(TimeUnit.MILLISECONDS))
                            / (handledAfter.count() - handledBefore.count()));
            printSlowest(latencies, untilConsumed, collectorMillis);
        }
    }

    /** The slowest tenth of a percent and more: the samples p99 is made of, and whether a collection explains them. */
    static void printSlowest(long[] latencies, long[] untilConsumed, long[] collectorMillis) {
        Integer[] order = new Integer[latencies.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
        long collectedInAll = Arrays.stream(collectorMillis).sum();
        System.out.printf("collector time while measuring: %d ms in all; the 8 slowest fan-outs:%n", collectedInAll);
        for (int k = 0; k < Math.min(8, order.length); k++) {
            int i = order[k];
            System.out.printf("  #%d: %d ms (raised -> handler %d ms), collector %d ms meanwhile%n", i,
                    latencies[i] / 1_000_000, untilConsumed[i] / 1_000_000, collectorMillis[i]);
        }
        System.out.println();
    }

    static long collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * @param nanos              from the NeedRaised record's timestamp to the latest of its offers' timestamps
     * @param untilConsumedNanos from the same timestamp to the handler's start (the offers' offered_at), which
     *                           splits the time between Kafka and the consumer, and the transaction and the relay
     */
    record FanOut(long nanos, long untilConsumedNanos) {
    }

    private FanOut fanOut(Random random, KafkaProducer<String, String> producer, KafkaConsumer<String, String> offers)
            throws Exception {
        Raised raisedNeed = raise(random, producer);
        UUID needId = raisedNeed.needId();
        long raised = raisedNeed.timestamp();
        long lastOffer = 0;
        int seen = 0;
        long deadline = System.currentTimeMillis() + 30_000;
        while (seen < RESPONDERS) {
            for (ConsumerRecord<String, String> record : offers.poll(Duration.ofMillis(50))) {
                if (record.key().equals(needId.toString())
                        && record.value().contains("\"" + AssignmentOffered.TYPE + "\"")) {
                    seen++;
                    lastOffer = Math.max(lastOffer, record.timestamp());
                }
            }
            if (System.currentTimeMillis() > deadline) {
                fail("Only " + seen + " offers of need " + needId + " arrived");
            }
        }
        assertEquals(RESPONDERS, seen);
        Instant handled = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select min(a.offeredAt) from Assignment a where a.need.id = :need", Instant.class)
                .setParameter("need", needId).getSingleResult());
        return new FanOut((lastOffer - raised) * 1_000_000, (handled.toEpochMilli() - raised) * 1_000_000);
    }

    record Raised(UUID needId, long timestamp) {
    }

    /**
     * Raises an emergency needing a first-aider with the certificate somewhere in the city, at least 1 km inside the
     * volunteers' 0.2° square: at its edge a 500 m circle holds half the responders, and about one run in four met a
     * need with fewer than the 7 the benchmark waits for.
     */
    static Raised raise(Random random, KafkaProducer<String, String> producer) throws Exception {
        UUID needId = UUID.randomUUID();
        GeoPoint place = new GeoPoint(CITY.latitude() + (random.nextDouble() - 0.5) * 0.18,
                CITY.longitude() + (random.nextDouble() - 0.5) * 0.18);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        NeedRaised need = NeedRaised.builder(needId).category("emergency").requiredSkill("first-aid")
                .location(place).window(new TimeWindow(start, start.plus(1, ChronoUnit.HOURS)))
                .urgency(Urgency.EMERGENCY).volunteersNeeded(1).requestedBy("dispatcher").summary("Person collapsed")
                .requiredCertifications(List.of("FIRST_AID")).build();
        RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.NEED_EVENTS, needId.toString(),
                EventJson.write(EventEnvelope.wrap(need, Instant.now(), null)))).get();
        return new Raised(needId, sent.timestamp());
    }

    /** 100,000 volunteers over about 20 km × 20 km; a third on duty, half first-aiders, most certified. */
    private void load() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    INSERT INTO candidate (volunteer_id, community, home_latitude, home_longitude, on_duty, active,
                                           updated_at)
                    SELECT gen_random_uuid(), 'bench', ?1 + (random() - 0.5) * 0.2, ?2 + (random() - 0.5) * 0.2,
                           random() < 0.35, TRUE, now()
                    FROM generate_series(1, ?3) AS i""")
                    .setParameter(1, CITY.latitude()).setParameter(2, CITY.longitude()).setParameter(3, VOLUNTEERS)
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO candidate_skill (volunteer_id, skill)
                    SELECT volunteer_id, CASE WHEN random() < 0.5 THEN 'first-aid' ELSE 'elder-care' END
                    FROM candidate WHERE community = 'bench'""").executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO candidate_certification (certification_id, volunteer_id, certification_type, expires_on)
                    SELECT gen_random_uuid(), volunteer_id, 'FIRST_AID', current_date + (random() * 700)::int - 30
                    FROM candidate_skill WHERE skill = 'first-aid'""").executeUpdate();
        });
    }

    static Properties producerProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", EmbeddedKafka.bootstrapServers());
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        properties.put("linger.ms", "0");
        return properties;
    }

    static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", EmbeddedKafka.bootstrapServers());
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        properties.put("enable.auto.commit", "false");
        properties.put("fetch.max.wait.ms", "5");
        return properties;
    }
}
