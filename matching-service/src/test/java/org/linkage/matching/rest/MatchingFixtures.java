package org.linkage.matching.rest;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.matching.domain.Candidate;
import org.linkage.matching.domain.VolunteerProfile;
import org.linkage.matching.repository.CandidateRepository;
import org.linkage.matching.service.CandidateIndex;
import org.linkage.testing.As;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.Eventually;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** What the matching tests do alike: volunteers and needs through their events, and waiting for the effects. */
final class MatchingFixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Staff who may do anything anywhere; the tests of object-level rules use narrower tokens. */
    static final String ADMIN = Tokens.admin("admin-1");

    static RequestSpecification asAdmin() {
        return As.token(ADMIN);
    }

    static RequestSpecification as(String token) {
        return As.token(token);
    }
    private static final double METRES_PER_DEGREE_OF_LATITUDE = 6_371_000 * Math.PI / 180;

    // Each test works around its own random point, so that no test finds another's volunteers within 20 km.
    static GeoPoint randomBase() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new GeoPoint(random.nextDouble(-50, 50), random.nextDouble(-170, 170));
    }

    static GeoPoint north(GeoPoint from, double metres) {
        return new GeoPoint(from.latitude() + metres / METRES_PER_DEGREE_OF_LATITUDE, from.longitude());
    }

    static void send(String topic, DomainEvent event) {
        TopicProbe.send(topic, EventEnvelope.wrap(event, Instant.now(), null));
    }

    /** Registers an off-duty volunteer through the volunteer events and waits until the view holds them. */
    static UUID volunteer(GeoPoint home, boolean active, String... skills) {
        return register(home, false, active, skills);
    }

    /** Registers an active volunteer on duty, whom emergencies are offered to. */
    static UUID responder(GeoPoint home, String... skills) {
        return register(home, true, true, skills);
    }

    private static UUID register(GeoPoint home, boolean onDuty, boolean active, String... skills) {
        UUID id = UUID.randomUUID();
        send(Topics.VOLUNTEER_EVENTS, VolunteerRegistered.of(id, List.of(skills), home, onDuty, active));
        awaitCandidate(id, candidate -> true);
        return id;
    }

    /** Waits until the view holds the volunteer in that state, and the candidate index has followed it. */
    static Candidate awaitCandidate(UUID id, Predicate<Candidate> state) {
        CandidateRepository candidates = Arc.container().instance(CandidateRepository.class).get();
        Candidate found = await(() -> QuarkusTransaction.requiringNew()
                        .call(() -> candidates.findByIdOptional(id).orElse(null)),
                candidate -> candidate != null && state.test(candidate), "candidate " + id);
        boolean searchable = found.active && found.homeLatitude != null && found.erasedAt == null;
        awaitIndexed(id, profile -> profile.isPresent() == searchable && profile
                .map(p -> p.skillLevels().keySet().equals(found.skills) && p.onDuty() == found.onDuty).orElse(true));
        return found;
    }

    /** Waits until the candidate index holds the volunteer as described (empty: not searchable). */
    static Optional<VolunteerProfile> awaitIndexed(UUID id, Predicate<Optional<VolunteerProfile>> state) {
        CandidateIndex index = Arc.container().instance(CandidateIndex.class).get();
        return await(() -> index.find(id), state, "the candidate index to hold " + id + " as expected");
    }

    static TimeWindow tomorrow() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new TimeWindow(start, start.plusSeconds(7200));
    }

    static NeedRaised need(UUID needId, String skill, GeoPoint location, Urgency urgency, int volunteersNeeded) {
        return need(needId, skill, location, urgency, volunteersNeeded, tomorrow());
    }

    static NeedRaised need(UUID needId, String skill, GeoPoint location, Urgency urgency, int volunteersNeeded,
                           TimeWindow window) {
        return NeedRaised.of(needId, "home-visit", skill, location, window, urgency, volunteersNeeded,
                "social-worker-" + needId, "Weekly visit to an elderly resident");
    }

    static UUID raise(String skill, GeoPoint location, Urgency urgency, int volunteersNeeded) {
        return raise(skill, location, urgency, volunteersNeeded, tomorrow());
    }

    static UUID raise(String skill, GeoPoint location, Urgency urgency, int volunteersNeeded, TimeWindow window) {
        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, need(needId, skill, location, urgency, volunteersNeeded, window));
        return needId;
    }

    /** The need's assignments, newest first, once there are at least that many. */
    static JsonPath awaitAssignments(UUID needId, int atLeast) {
        return awaitAssignments(needId, page -> page.getList("items").size() >= atLeast,
                atLeast + " assignments");
    }

    /** The need's assignments, newest first, once they are as described. */
    static JsonPath awaitAssignments(UUID needId, Predicate<JsonPath> done, String what) {
        // Judged on the items, not totalItems: the count is a separate query that may already see a newer offer.
        return await(() -> asAdmin().get("/api/v1/assignments?size=100&needId=" + needId)
                .then().statusCode(200).extract().jsonPath(), done, what + " of need " + needId);
    }

    static EventEnvelope awaitEvent(String eventType, Predicate<EventEnvelope> matching) {
        List<EventEnvelope> found = TopicProbe.await(Topics.ASSIGNMENT_EVENTS, eventType, matching, TIMEOUT);
        if (found.isEmpty()) {
            fail("No " + eventType + " arrived");
        }
        return found.get(0);
    }

    static List<EventEnvelope> eventsOf(UUID needId, String eventType) {
        return TopicProbe.await(Topics.ASSIGNMENT_EVENTS, eventType, e -> e.aggregateId().equals(needId.toString()),
                Duration.ZERO);
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done, String what) {
        return Eventually.value(what, probe, done, TIMEOUT);
    }

    /** Sends the POSTs all at once, as racing phones or replicas would, and returns the responses in order. */
    static List<HttpResponse<String>> postAtOnce(List<URI> targets, String token) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = targets.stream()
                .map(target -> client.sendAsync(HttpRequest.newBuilder(target).header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Every event published about the need conforms to its type's JSON Schema. */
    static void assertEventsConform(UUID needId) {
        List<String> messages = TopicProbe.readAll(Topics.ASSIGNMENT_EVENTS).stream()
                .filter(record -> needId.toString().equals(record.key())).map(record -> record.value()).toList();
        assertFalse(messages.isEmpty(), "no events of need " + needId);
        messages.forEach(message -> assertEquals(Set.of(), EventSchemas.violations(message), message));
    }

    private MatchingFixtures() {
    }
}
