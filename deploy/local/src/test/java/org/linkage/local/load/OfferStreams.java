package org.linkage.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.linkage.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The volunteers' live notification streams (Server-Sent Events), as the app holds them open: each offer's arrival
 * is noted by its need, at the moment its data line is read.
 */
final class OfferStreams implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Need id → wall-clock µs its offer arrived on a stream (the first, should a need be offered twice). */
    private final Map<UUID, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger endedStreams = new AtomicInteger();
    /** Volunteer → reconnections in a row that found no live stream: each waits longer, as an app backs off. */
    private final Map<UUID, Integer> failedReconnections = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Flow.Subscription> subscriptions = new CopyOnWriteArrayList<>();

    private final String notificationService;
    private volatile boolean closed;

    private OfferStreams(String notificationService) {
        this.notificationService = notificationService;
    }

    /** Opens one stream per volunteer and waits until each is live (it says so with a ": live" comment). */
    static OfferStreams open(String notificationService, List<UUID> volunteers) throws InterruptedException {
        OfferStreams streams = new OfferStreams(notificationService);
        CountDownLatch live = new CountDownLatch(volunteers.size());
        for (UUID volunteer : volunteers) {
            streams.connect(volunteer, null, live);
        }
        if (!live.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(live.getCount() + " of " + volunteers.size() + " streams not live in 60 s");
        }
        return streams;
    }

    /** When each need's offer arrived (wall-clock microseconds). */
    Map<UUID, Long> arrivals() {
        return arrivals;
    }

    /** How often a stream broke (a restart of notification-service): each reconnected with its last event id. */
    int endedStreams() {
        return endedStreams.get();
    }

    /**
     * As the app does: when the stream breaks (notification-service restarted), it reconnects with the last event id
     * received, and the offers missed meanwhile come first.
     */
    private void connect(UUID volunteer, String lastEventId, CountDownLatch live) {
        if (closed) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(notificationService
                        + "/api/v1/notifications/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.volunteer(volunteer));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.fromLineSubscriber(
                reader(volunteer, lastEventId, live))).whenComplete((response, failure) -> {
                    if (failure != null) {
                        reconnectSoon(volunteer, lastEventId);
                    }
                });
    }

    /**
     * Without an event received yet, from the first: what the volunteer missed comes first either way. After 250 ms,
     * then twice as long after each attempt that found no live stream, up to 2 s, with jitter: 100 streams retrying
     * every 250 ms while notification-service restarts took most of the driver's CPU, slowing the suite's recovery.
     */
    private void reconnectSoon(UUID volunteer, String lastEventId) {
        int failed = failedReconnections.merge(volunteer, 1, Integer::sum) - 1;
        long delay = Math.min(2_000, 250L << Math.min(failed, 3));
        delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> connect(volunteer,
                lastEventId == null ? "0" : lastEventId, new CountDownLatch(1)));
    }

    private Flow.Subscriber<String> reader(UUID volunteer, String resumeFrom, CountDownLatch live) {
        return new Flow.Subscriber<>() {
            private String lastEventId = resumeFrom;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriptions.add(subscription);
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                long at = MicroClock.now();
                if (line.equals(": live") || line.equals(":live")) {
                    failedReconnections.remove(volunteer);
                    live.countDown();
                } else if (line.startsWith("id:")) {
                    lastEventId = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    noteOffer(line.substring(5).strip(), at);
                }
            }

            @Override
            public void onError(Throwable failure) {
                endedStreams.incrementAndGet();
                reconnectSoon(volunteer, lastEventId);
            }

            @Override
            public void onComplete() {
                endedStreams.incrementAndGet();
                reconnectSoon(volunteer, lastEventId);
            }
        };
    }

    private void noteOffer(String data, long at) {
        try {
            JsonNode notification = JSON.readTree(data);
            String need = notification.path("data").path("needId").asText("");
            if ("OFFER_RECEIVED".equals(notification.path("kind").asText()) && !need.isEmpty()) {
                arrivals.putIfAbsent(UUID.fromString(need), at);
            }
        } catch (Exception notAnOffer) {
            // Another event's data (an "end" reason): not an offer.
        }
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(Flow.Subscription::cancel);
    }
}
