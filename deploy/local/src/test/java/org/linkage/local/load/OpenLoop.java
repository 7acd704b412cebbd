package org.linkage.local.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.linkage.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Raises needs through activity-service's API at a fixed rate, whatever the answers' speed (open loop: a slow
 * suite does not slow the arrivals, so its queueing shows in the latencies). Each need is timed from the moment it
 * was due to be sent, not from when the client managed to send it.
 */
final class OpenLoop {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One need: when it was due (wall-clock µs), its answer, and its id once known. */
    record Sent(int index, long dueMicros, long answeredMicros, int status, UUID needId, String error) {
    }

    private final String activityService;
    private final List<Volunteers.Home> homes;
    private final List<String> socialWorkers;
    private final List<String> socialWorkerTokens;
    private final String community;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.valueOf(System.getProperty("load.http-version", "HTTP_1_1"))).build();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Integer> perHome = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Instant firstWindow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.DAYS);

    OpenLoop(String activityService, List<Volunteers.Home> homes, List<String> socialWorkers, String community) {
        this.activityService = activityService;
        this.homes = homes;
        this.socialWorkers = socialWorkers;
        this.socialWorkerTokens = socialWorkers.stream().map(id -> Tokens.socialWorker(id, community)).toList();
        this.community = community;
    }

    /** Sends needs at that rate for that long, then returns (answers may still be on their way). */
    void run(double perSecond, Duration duration) {
        long period = (long) (1_000_000_000L / perSecond);
        long count = (long) (duration.toNanos() / (double) period);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(MicroClock.at(due));
        }
    }

    /** One need now, answered before this returns: the first need after a start. */
    Sent sendOne() {
        return send(MicroClock.now()).join();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /**
     * A need near one volunteer's home, so that it is offered to that volunteer. Each volunteer's needs come three
     * hours apart: an offer the volunteer has not answered never overlaps the next.
     */
    private CompletableFuture<Sent> send(long dueMicros) {
        int index = next.getAndIncrement();
        int home = index % homes.size();
        int nth = perHome.merge(home, 1, Integer::sum);
        Volunteers.Home place = homes.get(home);
        Instant start = firstWindow.plus(3L * nth, ChronoUnit.HOURS);
        String body = """
                {"category": "home-visit", "requiredSkill": "%s",
                 "location": {"latitude": %.6f, "longitude": %.6f},
                 "window": {"start": "%s", "end": "%s"}, "urgency": "ROUTINE", "volunteersNeeded": 1,
                 "requestedBy": "%s", "community": "%s", "summary": "负载测试"}"""
                .formatted(Volunteers.SKILL, place.latitude() + 0.001, place.longitude(), start,
                        start.plus(2, ChronoUnit.HOURS), socialWorkers.get(index % socialWorkers.size()), community);
        HttpRequest request = HttpRequest.newBuilder(URI.create(activityService + "/api/v1/needs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + socialWorkerTokens.get(index % socialWorkers.size()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long answered = MicroClock.now();
                    Sent result;
                    if (failure != null) {
                        result = new Sent(index, dueMicros, answered, 0, null, failure.toString());
                    } else if (response.statusCode() != 201) {
                        result = new Sent(index, dueMicros, answered, response.statusCode(), null, response.body());
                    } else {
                        result = new Sent(index, dueMicros, answered, 201, needId(response.body()), null);
                    }
                    sent.add(result);
                    return result;
                });
    }

    private static UUID needId(String body) {
        try {
            return UUID.fromString(JSON.readTree(body).path("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException("A 201 without the need's id: " + body, e);
        }
    }
}
