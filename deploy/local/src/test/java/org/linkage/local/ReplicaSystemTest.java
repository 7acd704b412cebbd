package org.linkage.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.local.Flow.Place;
import org.linkage.local.OtlpReceiver.ReceivedSpan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.linkage.local.Flow.await;
import static org.linkage.local.Flow.sleepMillis;

/**
 * Replicas are safe: two instances of every service (so two outbox relays per producer, two consumers in each
 * consumer group) against one broker and one PostgreSQL, with every request going to either instance as a load
 * balancer would send it. Also follows one need's trace across the services through Kafka.
 */
class ReplicaSystemTest {

    private static final int INSTANCES = 2;
    /** Enough for 300 offers under matching's cap of 10 offers per volunteer and week, with room to spare. */
    private static final int VOLUNTEERS = 40;
    private static final int NEEDS = 300;
    /** The needs fall into this many two-hour windows, so that many overlap and volunteers compete for them. */
    private static final int WINDOWS = 10;
    /** Enough that none of them comes near the rate limit on raising needs (30 a minute). */
    private static final int SOCIAL_WORKERS = 30;
    private static final String SKILL = "companionship";
    private static final Set<String> HOLDING_A_PLACE = Set.of("OFFERED", "ACCEPTED");

    private static LocalSuite suite;
    private static Path logs;
    private static OtlpReceiver collector;
    private static ExecutorService clients;
    private static final AtomicInteger turn = new AtomicInteger();

    @BeforeAll
    static void startTwoInstancesOfEveryService() throws Exception {
        Path root = Path.of(System.getProperty("linkage.root", "../..")).toAbsolutePath().normalize();
        collector = OtlpReceiver.start();
        long start = System.nanoTime();
        Path data = Files.createTempDirectory("linkage-replica-test");
        logs = data.resolve("logs");
        suite = LocalSuite.start(root, data,
                LocalSuite.Ports.free(INSTANCES), Map.of(
                        "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms",
                        // One social worker raises all 300 needs within a minute; the default allows 30.
                        "LINKAGE_RATE_LIMIT__RAISE_NEED__PER_MINUTE", "100000"),
                List.of(), LocalSuite.Identity.DEV_TOKENS,
                System.out);
        System.out.printf("REPLICAS %d instances of each service ready in %.1f s%n", INSTANCES,
                (System.nanoTime() - start) / 1e9);
        clients = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        if (clients != null) {
            clients.shutdownNow();
        }
        if (suite != null) {
            suite.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void everyNeedHasExactlyOneOutcomeNobodyIsDoubleBookedAndNobodyIsToldTwice() {
        long start = System.nanoTime();
        Place place = Place.random();
        List<String> volunteers = inParallel(IntStream.range(0, VOLUNTEERS).boxed().toList(), i ->
                Flow.registerVolunteer(any("volunteer-service"), any("matching-service"), "副本志愿者" + i, SKILL,
                        place.offset(0.0005 * i)));
        List<String> socialWorkers = IntStream.range(0, SOCIAL_WORKERS)
                .mapToObj(i -> "sw-replica-" + i + "-" + UUID.randomUUID()).toList();
        List<String> needs = inParallel(IntStream.range(0, NEEDS).boxed().toList(), i ->
                Flow.raiseNeed(any("activity-service"), SKILL, place, socialWorkers.get(i % SOCIAL_WORKERS),
                        24 + (i % WINDOWS) * 3, Map.of()).body().path("id").asText());

        // Matching has taken every need in: offered it, or found nobody free for it.
        awaitEvery(needs, need -> Set.of("MATCHING", "UNMATCHED").contains(need(need).path("status").asText()),
                "every need to be offered or unmatched");

        // Every volunteer accepts every offer they hold, all at once, through either matching instance.
        List<JsonNode> offers = volunteers.stream().flatMap(volunteer -> assignmentsOf(volunteer, "&status=OFFERED")
                .stream()).toList();
        List<Integer> answers = inParallel(offers, offer -> Flow.volunteer(offer.path("volunteerId").asText())
                .post(any("matching-service") + "/api/v1/assignments/" + offer.path("id").asText() + "/accept", "")
                .status());
        assertTrue(answers.stream().allMatch(status -> status == 200 || status == 409), answers::toString);
        long accepted = answers.stream().filter(status -> status == 200).count();
        assertTrue(accepted > 0, "some offers must be accepted: " + answers);

        // Exactly one outcome per need, the same in activity-service and matching-service: assigned to one
        // volunteer, offered to one, or unmatched.
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        awaitEvery(needs, need -> {
            String outcome = outcome(need);
            outcomes.put(need, outcome);
            return !outcome.startsWith("inconsistent");
        }, "activity-service and matching-service to agree on every need");
        Map<String, Long> tally = outcomes.values().stream()
                .collect(Collectors.groupingBy(outcome -> outcome.split(" ")[0], TreeMap::new, Collectors.counting()));
        assertEquals(NEEDS, tally.values().stream().mapToLong(Long::longValue).sum());

        // Nobody holds two accepted assignments that overlap in time.
        List<JsonNode> acceptedAssignments = volunteers.stream()
                .flatMap(volunteer -> assignmentsOf(volunteer, "&status=ACCEPTED").stream()).toList();
        assertEquals(accepted, acceptedAssignments.size(), "every successful accept is one accepted assignment");
        acceptedAssignments.stream().collect(Collectors.groupingBy(a -> a.path("volunteerId").asText()))
                .forEach((volunteer, held) -> assertNoOverlap(volunteer, held));

        // Nobody is told the same thing twice, and everybody is told what they must hear.
        for (String volunteer : volunteers) {
            List<JsonNode> inbox = awaitInbox(volunteer, items ->
                    count(items, "OFFER_RECEIVED") >= assignmentsOf(volunteer, "").size());
            assertNoDuplicates(volunteer, inbox);
        }
        for (int worker = 0; worker < SOCIAL_WORKERS; worker++) {
            String socialWorker = socialWorkers.get(worker);
            int raisedBy = worker; // need n was raised by social worker n % SOCIAL_WORKERS
            long assignedNeeds = IntStream.range(0, NEEDS).filter(n -> n % SOCIAL_WORKERS == raisedBy)
                    .filter(n -> outcomes.get(needs.get(n)).startsWith("assigned")).count();
            List<JsonNode> inbox = awaitInbox(socialWorker, items -> count(items, "ASSIGNMENT_CONFIRMED") >= assignedNeeds);
            assertEquals(assignedNeeds, count(inbox, "ASSIGNMENT_CONFIRMED"), socialWorker);
            assertNoDuplicates(socialWorker, inbox);
        }
        System.out.printf("REPLICAS %d needs, %d volunteers, %d offers accepted at once (%d refused as overlapping): "
                        + "outcomes %s, in %.1f s%n", NEEDS, VOLUNTEERS, accepted, answers.size() - accepted, tally,
                (System.nanoTime() - start) / 1e9);
    }

    @Test
    void oneTraceFollowsANeedFromTheRequestThroughKafkaToEveryServiceThatActsOnIt() {
        Place place = Place.random();
        String volunteer = Flow.registerVolunteer(any("volunteer-service"), any("matching-service"), "追踪志愿者",
                "repairs", place.offset(0.001));
        // One matching replica consumed the registration; the other takes the volunteer into its grid at its next
        // refresh from the database (linkage.matching.index-refresh-interval, 1 s). Raised before that, the need may
        // go to the replica that does not know the volunteer yet and find nobody.
        sleepMillis(2_500);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        String need = Flow.raiseNeed(any("activity-service"), "repairs", place, "sw-trace-" + UUID.randomUUID(), 48,
                Map.of("traceparent", traceparent)).body().path("id").asText();
        awaitInbox(volunteer, items -> items.stream().anyMatch(item -> item.path("kind").asText().equals("OFFER_RECEIVED")
                && item.path("data").path("needId").asText().equals(need)));

        // Not volunteer-service: it reads the need topic for completed assignments' hours only, and passes the
        // other events over unread (their type header), so it takes no part in a need being raised and offered.
        Set<String> required = Set.of("activity-service", "matching-service", "notification-service");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ReceivedSpan> trace;
        do {
            trace = collector.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
            if (trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()).containsAll(required)) {
                break;
            }
            sleepMillis(100);
        } while (System.nanoTime() < deadline);
        trace.forEach(span -> System.out.printf("TRACE %s %s %-9s %s (parent %s)%n", span.traceId(), span.service(),
                span.kind(), span.name(), span.parentSpanId()));
        Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
        assertTrue(services.containsAll(required), "services in trace " + traceId + ": " + services);
        assertTrue(trace.stream().anyMatch(span -> span.service().equals("matching-service")
                && span.kind().equals("SPAN_KIND_CONSUMER") && span.name().equals("NeedRaised process")), trace::toString);
        assertTrue(trace.stream().anyMatch(span -> span.service().equals("notification-service")
                && span.kind().equals("SPAN_KIND_CONSUMER") && span.name().equals("AssignmentOffered process")),
                trace::toString);
    }

    /** Every instance of a producer runs a relay; the PostgreSQL advisory lock lets exactly one of them publish. */
    @Test
    void exactlyOneOutboxRelayOfEachProducerLeads() {
        for (String service : List.of("volunteer-service", "activity-service", "matching-service")) {
            List<String> roles = suite.urls(service).stream()
                    .map(instance -> Api.anonymous().get(instance + "/q/health/ready").body())
                    .flatMap(health -> StreamSupport.stream(health.path("checks").spliterator(), false))
                    .filter(check -> check.path("name").asText().equals("outbox-relay"))
                    .map(check -> check.path("data").path("role").asText()).sorted().toList();
            assertEquals(List.of("leader", "standby"), roles, service);
        }
    }

    @Test
    void everyInstanceServesTheDashboardsPlumbingMetricsAndLogsJson() throws Exception {
        Place place = Place.random();
        Flow.registerVolunteer(any("volunteer-service"), any("matching-service"), "指标志愿者", "tutoring", place);
        List<String> plumbing = List.of("linkage_outbox_pending", "linkage_outbox_oldest_unpublished_age_seconds",
                "linkage_outbox_published_total", "kafka_consumer_fetch_manager_records_lag{");
        for (String instance : suite.urls("matching-service")) {
            // Micrometer binds a Kafka client's new metrics (a partition's lag once it is assigned and fetched) when
            // it next looks, once a minute: an instance whose partitions moved recently shows them a little later.
            long deadline = System.currentTimeMillis() + 90_000;
            String metrics = Api.getText(instance + "/q/metrics");
            while (!plumbing.stream().allMatch(metrics::contains) && System.currentTimeMillis() < deadline) {
                Thread.sleep(1_000);
                metrics = Api.getText(instance + "/q/metrics");
            }
            for (String series : plumbing) {
                assertTrue(metrics.contains(series), instance + " serves no " + series);
            }
        }
        String consumed = suite.urls("matching-service").stream().map(instance -> Api.getText(instance + "/q/metrics"))
                .collect(Collectors.joining());
        assertTrue(consumed.contains("linkage_events_consumed_total{outcome=\"processed\",type=\"VolunteerRegistered\"}"),
                "one matching instance counted the registration");
        List<String> lines = Files.readAllLines(logs.resolve("matching-service.log"));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("{") && line.contains("\"service\":\"matching-service\"")
                && line.contains("\"message\"")), "matching-service logs JSON lines");
    }

    /** What the need came to, as "assigned", "offered" or "unmatched", or "inconsistent ..." while the two disagree. */
    private static String outcome(String need) {
        JsonNode view = need(need);
        String status = view.path("status").asText();
        List<JsonNode> holding = all(Flow.admin(), any("matching-service") + "/api/v1/assignments?needId=" + need).stream()
                .filter(assignment -> HOLDING_A_PLACE.contains(assignment.path("status").asText())).toList();
        if (holding.isEmpty()) {
            return status.equals("UNMATCHED") ? "unmatched" : "inconsistent: " + status + " with no assignment";
        }
        if (holding.size() > 1) {
            return "inconsistent: " + holding.size() + " assignments hold a place " + holding;
        }
        JsonNode assignment = holding.get(0);
        String volunteer = assignment.path("volunteerId").asText();
        if (assignment.path("status").asText().equals("OFFERED")) {
            return status.equals("MATCHING") ? "offered " + volunteer : "inconsistent: " + status + " with an offer";
        }
        boolean sameVolunteer = view.path("assignments").size() == 1
                && view.path("assignments").path(0).path("volunteerId").asText().equals(volunteer);
        return status.equals("ASSIGNED") && sameVolunteer ? "assigned " + volunteer
                : "inconsistent: " + status + " " + view.path("assignments") + " with " + volunteer + " accepted";
    }

    private static void assertNoOverlap(String volunteer, List<JsonNode> accepted) {
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i + 1; j < accepted.size(); j++) {
                JsonNode a = accepted.get(i).path("window");
                JsonNode b = accepted.get(j).path("window");
                boolean overlap = Instant.parse(a.path("start").asText()).isBefore(Instant.parse(b.path("end").asText()))
                        && Instant.parse(b.path("start").asText()).isBefore(Instant.parse(a.path("end").asText()));
                assertTrue(!overlap, volunteer + " holds two overlapping assignments: " + accepted.get(i) + " and "
                        + accepted.get(j));
            }
        }
    }

    /** The same kind of notification about the same thing (its data) twice is a duplicate. */
    private static void assertNoDuplicates(String recipient, List<JsonNode> inbox) {
        Map<String, Long> seen = inbox.stream().collect(Collectors.groupingBy(
                item -> item.path("kind").asText() + " " + new TreeMap<>(asMap(item.path("data"))), Collectors.counting()));
        seen.forEach((what, times) -> assertEquals(1L, times, recipient + " was told twice: " + what));
    }

    private static Map<String, String> asMap(JsonNode object) {
        Map<String, String> map = new HashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static long count(List<JsonNode> items, String kind) {
        return items.stream().filter(item -> item.path("kind").asText().equals(kind)).count();
    }

    private static List<JsonNode> awaitInbox(String recipient, Predicate<List<JsonNode>> complete) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> inbox;
        do {
            inbox = all(Flow.person(recipient), any("notification-service") + "/api/v1/notifications?recipient="
                    + recipient);
            if (complete.test(inbox)) {
                return inbox;
            }
            sleepMillis(100);
        } while (System.nanoTime() < deadline);
        return fail("the inbox of " + recipient + " stayed incomplete: " + inbox);
    }

    private static JsonNode need(String need) {
        Api.Reply reply = Flow.admin().get(any("activity-service") + "/api/v1/needs/" + need);
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.body();
    }

    /** The volunteer's assignments, as they see them on their phone. */
    private static List<JsonNode> assignmentsOf(String volunteer, String filter) {
        return all(Flow.volunteer(volunteer), any("matching-service") + "/api/v1/assignments?volunteerId=" + volunteer
                + filter);
    }

    /** Every item of a paginated list. */
    private static List<JsonNode> all(Api caller, String url) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Reply reply = caller.get(url + "&size=100&page=" + page);
            assertEquals(200, reply.status(), reply.raw().body());
            reply.body().path("items").forEach(items::add);
            if (reply.body().path("items").size() < 100) {
                return items;
            }
        }
    }

    private static void awaitEvery(List<String> needs, Predicate<String> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> pending = needs;
        while (System.nanoTime() < deadline) {
            pending = inParallel(pending, need -> done.test(need) ? null : need).stream()
                    .filter(need -> need != null).toList();
            if (pending.isEmpty()) {
                return;
            }
            sleepMillis(200);
        }
        fail("timed out waiting for " + what + "; " + pending.size() + " needs still wait, e.g. " + pending.get(0)
                + ": " + outcome(pending.get(0)));
    }

    /** Round robin over a service's instances, as a load balancer would spread requests. */
    private static String any(String service) {
        List<String> urls = suite.urls(service);
        return urls.get(Math.floorMod(turn.getAndIncrement(), urls.size()));
    }

    private static <T, R> List<R> inParallel(List<T> inputs, Function<T, R> call) {
        List<Future<R>> futures = inputs.stream().map(input -> clients.submit(() -> call.apply(input))).toList();
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // an assertion that failed in a client thread
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
