package org.linkage.notification.bench;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.notification.Inbox;
import org.linkage.notification.push.PushFakes;
import org.linkage.notification.push.PushTestResource;
import org.linkage.testing.InfrastructureTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.linkage.notification.bench.OfferRun.percentile;

/**
 * Not a test: measures, and prints, the time from an AssignmentOffered sent to the topic to its push accepted by the
 * fake APNs (Pushy's MockApnsServer, HTTP/2 over TLS) or the fake FCM (WireMock), at a steady rate (see
 * {@link OfferRun}). Half the volunteers have an iPhone, half an Android phone with Google services, one device each,
 * so each offer is one push. Run only with {@code -Pbench} (see docs/performance.md); it asserts only that every push
 * arrived, never a timing.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(PushTestResource.class)
class PushLatencyBenchmark {

    private static final int VOLUNTEERS = Integer.getInteger("bench.devices", 50);
    private static final String FCM_SEND = "/fcm/v1/projects/" + PushTestResource.FCM_PROJECT + "/messages:send";
    /** The offer's deep link, in both payloads: linkage://offers/{assignmentId} (APNs' JSON may escape the /). */
    private static final Pattern OFFER = Pattern.compile("offers\\\\?/([0-9a-f-]{36})");

    PushFakes fakes;

    @Inject
    AgroalDataSource dataSource;

    private final OfferRun offers = new OfferRun();
    /** System.nanoTime() when the fake push service accepted each offer's push. */
    private final AtomicLongArray pushedAt = OfferRun.notYet(offers.count);
    private final Instant wallAtStart = Instant.now();
    private final long nanosAtStart = System.nanoTime();
    private long commitsBefore;

    @Test
    void offerToPushAcceptedByThePushService() throws Exception {
        WireMock wireMock = new WireMock(fakes.wireMock().port());
        wireMock.register(post(urlEqualTo("/google/token")).willReturn(okJson(
                "{\"access_token\": \"ya29.bench\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        wireMock.register(post(urlEqualTo(FCM_SEND)).willReturn(okJson(
                "{\"name\": \"projects/linkage-test/messages/0:1\"}")));
        // Timed where each fake accepts the push: Pushy's listener, WireMock's once the stub answered.
        fakes.apns().watch(payload -> arrived(payload, System.nanoTime()));
        fakes.wireMock().addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().endsWith(FCM_SEND)) {
                arrived(request.getBodyAsString(), System.nanoTime());
            }
        });
        List<UUID> volunteers = Stream.generate(UUID::randomUUID).limit(VOLUNTEERS).toList();
        for (int v = 0; v < VOLUNTEERS; v++) {
            register(volunteers.get(v).toString(), iphone(v));
        }
        try {
            offers.send(volunteers, i -> {
                if (i % 1000 == 0) {
                    // WireMock's request journal would otherwise keep every FCM request until the end.
                    fakes.wireMock().resetRequests();
                }
                if (i == offers.measuredFrom) {
                    commitsBefore = commits();
                }
            });
            long committed = commits() - commitsBefore;
            System.out.printf("pushes seen: APNs %d, FCM %d%n", seen(true), seen(false));
            offers.awaitAll(pushedAt, "pushes");
            report();
            // Structural, unlike the timings: how many transactions the service committed per offer (consumer,
            // dispatcher claims, records), counted by PostgreSQL while the measured offers were sent.
            System.out.printf("PostgreSQL transactions committed while the measured offers were sent: %d, %.2f per "
                    + "offer%n", committed, committed / (double) (offers.count - offers.measuredFrom));
        } finally {
            fakes.apns().watch(null);
        }
    }

    /** The transactions committed in the service's database so far. */
    private long commits() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Even volunteers have an iPhone (APNs), odd ones an Android phone with Google services (FCM). */
    private static boolean iphone(int volunteer) {
        return volunteer % 2 == 0;
    }

    private static void register(String volunteer, boolean iphone) {
        String token = iphone ? apnsToken()
                : "cK9" + "x".repeat(100) + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
        Inbox.as(volunteer).contentType(ContentType.JSON).body("""
                        {"platform": "%s", "route": "%s", "token": "%s", "appVersion": "2.4.1", "locale": "zh-CN"}"""
                        .formatted(iphone ? "IOS" : "ANDROID", iphone ? "APNS" : "FCM", token))
                .post("/api/v1/recipients/" + volunteer + "/devices").then().statusCode(201);
    }

    private static String apnsToken() {
        StringBuilder token = new StringBuilder();
        ThreadLocalRandom.current().ints(64, 0, 16).forEach(digit -> token.append(Integer.toHexString(digit)));
        return token.toString();
    }

    private long seen(boolean iphones) {
        return IntStream.range(0, offers.count).filter(i -> iphone(i % VOLUNTEERS) == iphones)
                .filter(i -> pushedAt.get(i) != OfferRun.NOT_YET).count();
    }

    private void arrived(String payload, long now) {
        offers.arrived(pushedAt, OFFER.matcher(payload), now);
    }

    private long latency(int i) {
        return pushedAt.get(i) - offers.sentAt.get(i);
    }

    /** The wall clock of a System.nanoTime() reading, to compare with the database's timestamps. */
    private Instant wall(long nanos) {
        return wallAtStart.plusNanos(nanos - nanosAtStart);
    }

    private List<Long> sortedMicros(IntPredicate which) {
        List<Long> micros = new ArrayList<>(IntStream.range(offers.measuredFrom, offers.count).filter(which)
                .mapToObj(i -> TimeUnit.NANOSECONDS.toMicros(latency(i))).toList());
        Collections.sort(micros);
        return micros;
    }

    private void report() throws SQLException {
        List<Long> micros = sortedMicros(i -> true);
        long first = offers.sentAt.get(offers.measuredFrom);
        double sending = (offers.sentAt.get(offers.count - 1) - first) / 1e9;
        double telling = (IntStream.range(offers.measuredFrom, offers.count).mapToLong(pushedAt::get).max()
                .orElseThrow() - first) / 1e9;
        System.out.printf("%n== AssignmentOffered on the topic -> push accepted by the fake APNs / FCM ==%n"
                        + "%d offers at %d/s over %d s after %d s warm-up, %d volunteers (one device each), %d cores%n"
                        + "p50 %.1f ms  p90 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                        + "sent at %.1f offers/s; the last push arrived %.1f s after the first offer was sent: "
                        + "%.1f pushes/s%n",
                micros.size(), offers.rate, offers.measured.toSeconds(), offers.warmUp.toSeconds(), VOLUNTEERS,
                Runtime.getRuntime().availableProcessors(), percentile(micros, 50), percentile(micros, 90),
                percentile(micros, 95), percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                (micros.size() - 1) / sending, telling, micros.size() / telling);
        route("APNs (iPhone)", sortedMicros(i -> iphone(i % VOLUNTEERS)));
        route("FCM (Android)", sortedMicros(i -> !iphone(i % VOLUNTEERS)));
        // The broker, the service, the fakes and this client share the JVM: a collection stops them all at once.
        System.out.printf("garbage collections while the measured offers were sent: %d, %d ms in all%n",
                offers.pausesDuring().count(), offers.pausesDuring().millis());
        stages();
        System.out.println("worst latency (ms) of the offers sent in each second: "
                + offers.worstPerSecond(this::latency));
    }

    private static void route(String name, List<Long> micros) {
        System.out.printf("  %-14s %5d pushes  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", name, micros.size(),
                percentile(micros, 50), percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0);
    }

    /**
     * Where the time went, from the push delivery's own timestamp: its row is built (created_at) in the consumer's
     * transaction; what follows is the commit, the dispatcher taking the row, and the send.
     */
    private void stages() throws SQLException {
        Map<UUID, Instant> built = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT n.source_event_id, d.created_at FROM delivery d
                     JOIN notification n ON n.id = d.notification_id WHERE d.channel = 'PUSH'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                built.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        List<Long> toRow = new ArrayList<>();
        List<Long> toPush = new ArrayList<>();
        for (int i = offers.measuredFrom; i < offers.count; i++) {
            Instant row = built.get(offers.eventId(i));
            if (row != null) {
                toRow.add(Duration.between(wall(offers.sentAt.get(i)), row).toNanos() / 1000);
                toPush.add(Duration.between(row, wall(pushedAt.get(i))).toNanos() / 1000);
            }
        }
        stage("sent -> push delivery row built (Kafka, consumer)", toRow);
        stage("row built -> push accepted (commit, dispatcher, send)", toPush);
    }

    private static void stage(String name, List<Long> micros) {
        Collections.sort(micros);
        System.out.printf("  %-54s p50 %6.1f ms  p99 %6.1f ms%n", name, percentile(micros, 50),
                percentile(micros, 99));
    }
}
