package org.linkage.activity;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.linkage.events.EventEnvelope;
import org.linkage.testing.As;
import org.linkage.testing.Eventually;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** Requests and waiting shared by the integration tests. */
public final class NeedFixtures {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A social worker id no other test uses, so that a test can list its own needs only. */
    public static String newRequester() {
        return "sw-" + UUID.randomUUID();
    }

    public static String raiseRequest(String requestedBy) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return raiseRequest(requestedBy, start, start.plus(2, ChronoUnit.HOURS));
    }

    public static String raiseRequest(String requestedBy, Instant start, Instant end) {
        return """
                {"category": "home-visit", "requiredSkill": "elder-care",
                 "location": {"latitude": 31.2304, "longitude": 121.4737},
                 "window": {"start": "%s", "end": "%s"},
                 "urgency": "URGENT", "volunteersNeeded": 2, "requestedBy": "%s",
                 "summary": "Weekly visit: chat and help with the shopping list"}""".formatted(start, end, requestedBy);
    }

    /** @return the id of a freshly raised need, raised by an admin with this id (needs are raised in one's own name) */
    public static String raiseNeed(String requestedBy) {
        return asRequester(requestedBy).body(raiseRequest(requestedBy))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    /** A JSON request by an admin with this id: what they raise or confirm is in their name. */
    public static RequestSpecification asRequester(String requester) {
        return As.admin(requester).contentType(ContentType.JSON);
    }

    /** Polls until the value satisfies the condition, and returns it; fails after the timeout. */
    public static <T> T awaitValue(Supplier<T> probe, Predicate<T> condition) {
        return Eventually.value("a value that satisfies the condition", probe, condition, TIMEOUT);
    }

    /** The matching events on the topic, waiting until there are at least {@code count} of them. */
    public static List<EventEnvelope> awaitEvents(String topic, String eventType, Predicate<EventEnvelope> matching,
                                                  int count) {
        return awaitValue(() -> TopicProbe.await(topic, eventType, matching, TIMEOUT),
                events -> events.size() >= count);
    }

    /**
     * The sum of a Prometheus counter's series whose labels contain every one of the fragments, e.g.
     * {@code type="NeedRaised"}. The value is the first field after the labels (an exemplar may follow).
     */
    public static double metric(String name, String... labelFragments) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labelFragments).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .sum();
    }

    private NeedFixtures() {
    }
}
