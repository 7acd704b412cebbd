package org.linkage.matching.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.matching.domain.Availability;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.domain.VolunteerProfile;
import org.linkage.matching.service.CandidateIndex;
import org.linkage.testing.HostCpu;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Riders on duty pinging their live position while emergencies arrive, against the real Kafka broker and
 * PostgreSQL: 1,000,000 volunteers in the candidate index, 10,000 of them on-duty first-aiders with the
 * live-position consent, each pinging every 10 s (1,000 pings/s through HTTP, with their own tokens, from a process of
 * their own: {@link PingLoad}), and one emergency per second whose fan-out (NeedRaised record → its 7th
 * AssignmentOffered record, Kafka timestamps, as {@link EmergencyFanOutBenchmark}) ranks them by live position.
 * Also the memory each tracked rider costs (heap after a full collection, before and after the first round of pings).
 * Run with {@code -Pbench}; {@code -Dbench.seconds=N} (60) measured after {@code -Dbench.warm-up-needs=N} (3,000)
 * emergencies back to back and {@code -Dbench.warm-up-seconds=N} (30) of the load, {@code -Dbench.volunteers=N}.
 */
@QuarkusTest
@TestProfile(EmergencyFanOutBenchmark.LongTimers.class)
@WithTestResource(InfrastructureTestResource.class)
class LivePositionBenchmark {

    static final int RIDERS = 10_000;
    static final GeoPoint CITY = EmergencyFanOutBenchmark.CITY;
    static final double CITY_DEGREES = 0.2; // the riders' part of town, about 20 km × 20 km
    static final double REGION_DEGREES = 1.0; // everyone's homes, about 100 km × 100 km

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CandidateIndex index;

    @TestHTTPResource("/api/v1/live-positions/")
    URL pings;

    @Inject
    MeterRegistry meters;

    /** Percentiles of the server's own request timer (Quarkus records every request in http.server.requests). */
    @Singleton
    static class ServerPercentiles {
        @Produces
        @Singleton
        MeterFilter percentiles() {
            return new MeterFilter() {
                @Override
                public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                    return id.getName().equals("http.server.requests")
                            || id.getName().equals("linkage.matching.need.event.handled")
                            ? DistributionStatisticConfig.builder().percentilesHistogram(false)
                            .serviceLevelObjectives(BOUNDS_NANOS).expiry(Duration.ofHours(1)).bufferLength(1)
                            .build().merge(config)
                            : config;
                }
            };
        }
    }

    /**
     * The histogram buckets of the server's timers, in nanoseconds: 0.1 ms apart up to 20 ms, then coarser. Counts per
     * bucket can be subtracted, so the measured seconds are told apart from the warm-up.
     */
    static final double[] BOUNDS_NANOS = DoubleStream.concat(
            DoubleStream.iterate(100_000, bound -> bound <= 20_000_000, bound -> bound + 100_000),
            DoubleStream.of(25e6, 30e6, 40e6, 50e6, 75e6, 100e6, 200e6, 500e6, 1e9, 2e9, 5e9, 10e9)).toArray();

    private Timer pingTimer() {
        return meters.find("http.server.requests").tag("uri", "/api/v1/live-positions/{volunteerId}")
                .tag("method", "PUT").timer();
    }

    private Timer fanOutTimer() {
        return meters.find("linkage.matching.need.event.handled").timer();
    }

    /**
     * A server timer over the measured seconds only: its buckets' counts at the end less those at the start. Each
     * percentile is the upper bound of the bucket it falls in (0.1 ms wide below 20 ms).
     */
    static String measuredOnly(HistogramSnapshot start, HistogramSnapshot end) {
        CountAtBucket[] before = start.histogramCounts();
        CountAtBucket[] after = end.histogramCounts();
        long count = end.count() - start.count();
        StringBuilder text = new StringBuilder("n=" + count);
        for (double percentile : new double[]{0.5, 0.99, 0.999}) {
            double bound = Double.POSITIVE_INFINITY;
            for (int i = 0; i < after.length; i++) {
                if (after[i].count() - before[i].count() >= Math.ceil(percentile * count)) {
                    bound = after[i].bucket(TimeUnit.MILLISECONDS);
                    break;
                }
            }
            text.append(" p%s ≤ %.1f ms".formatted(percentile == 0.999 ? "99.9" : (int) (percentile * 100), bound));
        }
        return text.append(" (measured seconds only; max since start %.1f ms)".formatted(
                end.max(TimeUnit.MILLISECONDS))).toString();
    }

    /**
     * What a tracked rider costs, measured apart from the running service (whose heap moves with everything
     * else): the bytes this thread allocates to put 100,000 riders on a roster of their own, to take their first
     * fixes, and to take ten more rounds of pings as they move (an upper bound of what stays: a map's resizes are
     * counted too).
     */
    private static long bytesPerTrackedRider() {
        int riders = 100_000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        LivePositions live = new LivePositions(new LivePositions.Rules(Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), 100,
                new LivePositions.Box(-90, -180, 90, 180)));
        Map<String, Integer> skills = Map.of("first-aid", 1);
        List<VolunteerProfile> profiles = new ArrayList<>();
        for (int i = 0; i < riders; i++) {
            profiles.add(new VolunteerProfile(UUID.randomUUID(), null, true, true, skills, Map.of(), Map.of(),
                    Availability.ALWAYS));
        }
        Random random = new Random(11);
        GeoPoint[] where = new GeoPoint[riders];
        for (int i = 0; i < riders; i++) {
            where[i] = around(CITY, CITY_DEGREES, random);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        profiles.forEach(live::enrol);
        long rostered = threads.getThreadAllocatedBytes(thread);
        long now = System.currentTimeMillis();
        for (int i = 0; i < riders; i++) {
            live.ping(profiles.get(i).volunteerId(), where[i], 12, now, now);
        }
        long tracked = threads.getThreadAllocatedBytes(thread);
        GeoPoint[] moved = new GeoPoint[riders * 10];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = move(where, i % riders, random);
        }
        long movedBefore = threads.getThreadAllocatedBytes(thread);
        for (int round = 1; round <= 10; round++) {
            long at = now + round * 10_000L;
            for (int i = 0; i < riders; i++) {
                live.ping(profiles.get(i).volunteerId(), moved[(round - 1) * riders + i], 12, at, at);
            }
        }
        long pinged = threads.getThreadAllocatedBytes(thread);
        System.out.printf("memory: a roster entry (slot and map node) %d bytes; a rider's first fix (cell entry) %d "
                        + "bytes; a further ping of a moving rider %d bytes on average%n",
                (rostered - before) / riders, (tracked - rostered) / riders, (pinged - movedBefore) / (riders * 10L));
        return (tracked - before) / riders;
    }

    @Test
    void ridersPingWhileEmergenciesFanOut() throws Exception {
        int volunteers = Integer.getInteger("bench.volunteers", 1_000_000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmUpSeconds = Integer.getInteger("bench.warm-up-seconds", 30);
        long perRider = bytesPerTrackedRider();
        List<UUID> riders = load(volunteers);
        vacuumAnalyze();
        index.rebuild();
        assertEquals(RIDERS, index.live().rostered());
        System.out.printf("%nindex: %d volunteers located, %d riders on the roster%n", volunteers, RIDERS);
        List<String> tokens = riders.stream().map(Tokens::volunteer).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(7);
        GeoPoint[] where = new GeoPoint[RIDERS];
        for (int i = 0; i < RIDERS; i++) {
            where[i] = around(CITY, CITY_DEGREES, random);
        }

        // One round of pings: every rider is tracked.
        pingRound(http, riders, tokens, where);
        awaitTracked();

        long[] fanOutNanos = new long[seconds];
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                EmergencyFanOutBenchmark.producerProperties());
             KafkaConsumer<String, String> offers = new KafkaConsumer<>(
                     EmergencyFanOutBenchmark.consumerProperties())) {
            UUID first = EmergencyFanOutBenchmark.raise(random, producer).needId();
            TopicProbe.await(Topics.ASSIGNMENT_EVENTS, AssignmentOffered.TYPE,
                    e -> e.aggregateId().equals(first.toString()), Duration.ofSeconds(30));
            List<TopicPartition> partitions = offers.partitionsFor(Topics.ASSIGNMENT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            offers.assign(partitions);
            offers.seekToEnd(partitions);
            partitions.forEach(offers::position);
            // The fan-out's code (Hibernate, the JDBC driver, the ranking) runs once a second here, not hot enough
            // for the JIT in 30 s: warmed first, as a service that has run for an hour would be (as
            // EmergencyFanOutBenchmark does), the riders still tracked.
            int warmUpNeeds = Integer.getInteger("bench.warm-up-needs", 3_000);
            long roundAt = System.nanoTime();
            for (int i = 0; i < warmUpNeeds; i++) {
                awaitOffers(offers, EmergencyFanOutBenchmark.raise(random, producer));
                if (System.nanoTime() - roundAt > TimeUnit.SECONDS.toNanos(10)) {
                    pingRound(http, riders, tokens, where); // their fixes stay fresh enough to count
                    roundAt = System.nanoTime();
                }
            }
            // A rider pinging again sooner than the throttle allows would be refused.
            Thread.sleep(index.live().rules().minInterval().toMillis());
            Process phones = startPhones(riders, tokens, where, warmUpSeconds + seconds, warmUpSeconds);
            long gcBefore = 0;
            long gcMillisBefore = 0;
            HistogramSnapshot pingsBefore = null;
            HistogramSnapshot fanOutsBefore = null;
            Optional<HostCpu> hostBefore = Optional.empty();
            Random arrivals = new Random(29);
            long start = System.nanoTime();
            for (int second = -warmUpSeconds; second < seconds; second++) {
                if (second == 0) {
                    gcBefore = collections();
                    gcMillisBefore = collectionMillis();
                    pingsBefore = pingTimer().takeSnapshot();
                    fanOutsBefore = fanOutTimer().takeSnapshot();
                    hostBefore = HostCpu.now();
                }
                // An emergency at a random moment of each second, while the phones ping all through it: at the same
                // moment of every second it would meet the service's once-a-second jobs (login refresh, index
                // refresh, timers) always or never, as the two schedules' phase happened to fall.
                long wait = start + (second + warmUpSeconds) * 1_000_000_000L + arrivals.nextLong(900_000_000L)
                        - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long fanOut = awaitOffers(offers, EmergencyFanOutBenchmark.raise(random, producer));
                if (second >= 0) {
                    fanOutNanos[second] = fanOut;
                }
            }
            HistogramSnapshot pingsAfter = pingTimer().takeSnapshot();
            HistogramSnapshot fanOutsAfter = fanOutTimer().takeSnapshot();
            long gcs = collections() - gcBefore;
            long gcMillis = collectionMillis() - gcMillisBefore;
            // Whether a fan-out's tail can have waited for a core.
            String hostBusy = hostBefore.flatMap(before -> HostCpu.now().map(now ->
                            "%.0f %%, of which stolen by the hypervisor %.1f %%".formatted(
                                    100 * now.busyShareSince(before), 100 * now.stealShareSince(before))))
                    .orElse("unknown (no /proc/stat)");
            String phonesSaw = awaitPhones(phones);
            assertTrue(phonesSaw.contains(" refused=0,"), "pings refused: " + phonesSaw);
            System.out.printf("%n== Live positions: %d volunteers indexed, %d riders pinging every 10 s (1,000/s), "
                            + "1 emergency/s, %d s measured after %d s ==%n"
                            + "ping, HTTP round trip on the loopback (client side, the phones' own process): %s%n"
                            + "ping, server side (http.server.requests: token, JSON, checks, answer): %s%n"
                            + "emergency fan-out, NeedRaised -> 7th offer published: %s%n"
                            + "emergency fan-out, server side (need event consumed -> offers committed): %s%n"
                            + "heap per tracked rider (roster slot, map node, cell entry): %d bytes; "
                            + "GCs while measured: %d, %d ms in all (%s)%n"
                            + "host CPUs busy while measured (every process on this machine): %s%n%n",
                    volunteers, RIDERS, seconds, warmUpSeconds, phonesSaw.substring("PINGS ".length()),
                    measuredOnly(pingsBefore, pingsAfter), new Percentiles(fanOutNanos),
                    measuredOnly(fanOutsBefore, fanOutsAfter), perRider, gcs, gcMillis, collectors(), hostBusy);
        }
    }

    /**
     * The riders' phones ({@link PingLoad}) in a process of their own, from where the riders are now, for that many
     * seconds, measuring from {@code measuredFrom}.
     */
    private Process startPhones(List<UUID> riders, List<String> tokens, GeoPoint[] where, int seconds,
                                int measuredFrom) throws IOException {
        Path ridersFile = Files.createTempFile("riders", ".txt");
        ridersFile.toFile().deleteOnExit();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < RIDERS; i++) {
            lines.add(riders.get(i) + " " + tokens.get(i) + " " + where[i].latitude() + " " + where[i].longitude());
        }
        Files.write(ridersFile, lines);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Its own small heap and collector: a phone's client, not a server.
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-cp",
                Path.of("target", "test-classes").toAbsolutePath().toString(), PingLoad.class.getName(),
                pings.toString(), ridersFile.toString(), Integer.toString(seconds), Integer.toString(measuredFrom))
                .redirectErrorStream(true).start();
    }

    /** The phones' one line of figures, once they are done. */
    private static String awaitPhones(Process phones) throws IOException, InterruptedException {
        String output = new String(phones.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(phones.waitFor(60, TimeUnit.SECONDS), "the phones did not stop");
        return output.lines().filter(line -> line.startsWith("PINGS ")).findFirst()
                .orElseThrow(() -> new AssertionError("the phones printed no figures: " + output));
    }

    private static GeoPoint around(GeoPoint centre, double degrees, Random random) {
        return new GeoPoint(centre.latitude() + (random.nextDouble() - 0.5) * degrees,
                centre.longitude() + (random.nextDouble() - 0.5) * degrees);
    }

    /** A rider moves up to about 100 m between pings. */
    private static GeoPoint move(GeoPoint[] where, int rider, Random random) {
        where[rider] = around(where[rider], 0.002, random);
        return where[rider];
    }

    /** Every rider pings once, 200 at a time: before the measured load, which {@link PingLoad} sends. */
    private void pingRound(HttpClient http, List<UUID> riders, List<String> tokens, GeoPoint[] where) {
        long[] untimed = new long[0];
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < RIDERS; i++) {
            sent.add(PingLoad.ping(http, pings + riders.get(i).toString(), tokens.get(i), where[i].latitude(),
                    where[i].longitude(), untimed, -1, refused));
            if (sent.size() == 200) {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                sent.clear();
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private void awaitTracked() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (index.live().tracked() < RIDERS && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(RIDERS, index.live().tracked());
    }

    /** The time from the need's record to its 7th offer's record. */
    private static long awaitOffers(KafkaConsumer<String, String> offers, EmergencyFanOutBenchmark.Raised raised) {
        String needId = raised.needId().toString();
        long lastOffer = 0;
        int seen = 0;
        long deadline = System.currentTimeMillis() + 30_000;
        while (seen < EmergencyFanOutBenchmark.RESPONDERS && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> record : offers.poll(Duration.ofMillis(5))) {
                if (record.key().equals(needId) && record.value().contains("\"" + AssignmentOffered.TYPE + "\"")) {
                    seen++;
                    lastOffer = Math.max(lastOffer, record.timestamp());
                }
            }
        }
        assertEquals(EmergencyFanOutBenchmark.RESPONDERS, seen, "offers of " + needId);
        return (lastOffer - raised.timestamp()) * 1_000_000;
    }

    /** The collectors' accumulated time: stop-the-world pauses for Parallel and G1, concurrent cycles for ZGC. */
    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /**
     * Vacuums and analyses what {@link #load} wrote, now: left to autovacuum, a million rows inserted at once are
     * vacuumed (throttled, for minutes) whenever it comes to them, perhaps in the measured seconds; a service's
     * tables do not grow by a million rows just before its busy hour.
     */
    private void vacuumAnalyze() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement vacuum = connection.createStatement()) {
            vacuum.execute("VACUUM (ANALYZE) candidate, candidate_skill, candidate_certification");
        }
    }

    /**
     * The volunteers over the region, a third on duty and half of them first-aiders with a certificate in date (as
     * in {@link EmergencyFanOutBenchmark}), and the riders: on-duty first-aiders with the consent, in town.
     */
    private List<UUID> load(int volunteers) {
        return QuarkusTransaction.requiringNew().timeout(1_800).call(() -> {
            entityManager.createNativeQuery("""
                    INSERT INTO candidate (volunteer_id, community, home_latitude, home_longitude, on_duty, active,
                                           live_position_consent, updated_at)
                    SELECT gen_random_uuid(), CASE WHEN i <= ?4 THEN 'bench-rider' ELSE 'bench' END,
                           ?1 + (random() - 0.5) * ?5, ?2 + (random() - 0.5) * ?5,
                           i <= ?4 OR random() < 0.35, TRUE, i <= ?4, now()
                    FROM generate_series(1, ?3) AS i""")
                    .setParameter(1, CITY.latitude()).setParameter(2, CITY.longitude()).setParameter(3, volunteers)
                    .setParameter(4, RIDERS).setParameter(5, REGION_DEGREES).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO candidate_skill (volunteer_id, skill)
                    SELECT volunteer_id, CASE WHEN community = 'bench-rider' OR random() < 0.5 THEN 'first-aid'
                                              ELSE 'elder-care' END
                    FROM candidate WHERE community LIKE 'bench%'""").executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO candidate_certification (certification_id, volunteer_id, certification_type, expires_on)
                    SELECT gen_random_uuid(), s.volunteer_id, 'FIRST_AID',
                           CASE WHEN c.community = 'bench-rider' THEN current_date + 365
                                ELSE current_date + (random() * 700)::int - 30 END
                    FROM candidate_skill s JOIN candidate c ON c.volunteer_id = s.volunteer_id
                    WHERE s.skill = 'first-aid' AND c.community LIKE 'bench%'""").executeUpdate();
            @SuppressWarnings("unchecked")
            List<UUID> riders = entityManager.createNativeQuery(
                    "SELECT volunteer_id FROM candidate WHERE community = 'bench-rider'").getResultList();
            return riders;
        });
    }
}
