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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Flow.Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Opens one stream per volunteer and waits until each is live (it says so with a ": live" comment). */
    static OfferStreams open(String notificationService, List<UUID> volunteers) throws InterruptedException {
        OfferStreams streams = new OfferStreams();
        CountDownLatch live = new CountDownLatch(volunteers.size());
        for (UUID volunteer : volunteers) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notificationService
                            + "/api/v1/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + Tokens.volunteer(volunteer))
                    .GET().build();
            streams.http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(streams.reader(live)));
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

    /** Streams that ended before the run did (a token expiry, a dropped connection): their offers are missing. */
    int endedStreams() {
        return endedStreams.get();
    }

    private Flow.Subscriber<String> reader(CountDownLatch live) {
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriptions.add(subscription);
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                long at = MicroClock.now();
                if (line.equals(": live") || line.equals(":live")) {
                    live.countDown();
                } else if (line.startsWith("data:")) {
                    noteOffer(line.substring(5).strip(), at);
                }
            }

            @Override
            public void onError(Throwable failure) {
                endedStreams.incrementAndGet();
            }

            @Override
            public void onComplete() {
                endedStreams.incrementAndGet();
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
        subscriptions.forEach(Flow.Subscription::cancel);
    }
}
