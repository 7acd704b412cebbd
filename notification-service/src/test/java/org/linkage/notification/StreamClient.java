package org.linkage.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a notification stream as the app does: a plain HTTP client parsing Server-Sent Events line by line. */
public final class StreamClient implements AutoCloseable {

    /** An event, or a comment line (then only {@code comment} is set). */
    public record Received(String id, String name, String data, String comment) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final InputStream body;

    private StreamClient(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects as the recipient; {@link #replayed()} waits until the server says the stream is live. */
    public static StreamClient open(URI stream, String recipient, String lastEventId) throws Exception {
        return openWith(stream, Inbox.tokenOf(recipient), lastEventId);
    }

    /** Connects with this bearer token. */
    public static StreamClient openWith(URI stream, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = CLIENT.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(15, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                response.headers().toString());
        return new StreamClient(response.body());
    }

    /** Everything received before the ": live" comment: the replayed events, which it waits for. */
    public List<Received> replayed() throws InterruptedException {
        List<Received> replayed = new ArrayList<>();
        while (true) {
            Received next = next();
            if ("live".equals(next.comment())) {
                return replayed;
            }
            replayed.add(next);
        }
    }

    /** The next event (comments skipped), waiting up to 15 s. */
    public Received nextEvent() throws InterruptedException {
        Received next;
        do {
            next = next();
        } while (next.comment() != null);
        return next;
    }

    private Received next() throws InterruptedException {
        Received next = received.poll(15, TimeUnit.SECONDS);
        assertNotNull(next, "nothing arrived on the stream within 15 s");
        return next;
    }

    /** What already arrived and was not read yet, without waiting. */
    public List<Received> pending() {
        List<Received> pending = new ArrayList<>();
        received.drainTo(pending);
        return pending;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Received(id, name, data.toString(), null));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Received(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
