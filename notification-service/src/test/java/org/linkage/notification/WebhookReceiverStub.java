package org.linkage.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Integrators' webhook endpoints on a free local port: {@link #newEndpoint()} gives a URL of its own; every request
 * is recorded with its headers and body, and an endpoint answers 503 on demand.
 */
public final class WebhookReceiverStub {

    public record Request(Instant at, String path, Map<String, List<String>> headers, String body, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresToGo = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** What an endpoint answers instead of 204: a status, a body, and a Location header when not null. */
    public record Answer(int status, String body, String location) {
    }

    private WebhookReceiverStub(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiverStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiverStub stub = new WebhookReceiverStub(server);
        server.createContext("/hooks/", stub::handle);
        server.start();
        return stub;
    }

    /** A URL nobody else posts to. */
    public URI newEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + UUID.randomUUID());
    }

    /** The next {@code times} requests to this endpoint are answered 503. */
    public void failFor(URI endpoint, int times) {
        failuresToGo.put(endpoint.getPath(), times);
    }

    /** Every later request to this endpoint is answered so. */
    public void answer(URI endpoint, Answer answer) {
        answers.put(endpoint.getPath(), answer);
    }

    public List<Request> requestsTo(URI endpoint) {
        return requests.stream().filter(request -> request.path().equals(endpoint.getPath())).toList();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Integer failuresLeft = failuresToGo.computeIfPresent(path, (endpoint, left) -> left - 1);
        boolean fail = failuresLeft != null && failuresLeft >= 0;
        Answer answer = answers.get(path);
        int status = fail ? 503 : answer != null ? answer.status() : 204;
        requests.add(new Request(Instant.now(), path, Map.copyOf(exchange.getRequestHeaders()), body, status));
        if (answer != null && !fail) {
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, text.length);
            try {
                exchange.getResponseBody().write(text);
            } catch (IOException closedByTheClient) {
                // The client reads only so much of an answer.
            }
        } else if (fail) {
            byte[] busy = "busy".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, busy.length);
            exchange.getResponseBody().write(busy);
        } else {
            exchange.sendResponseHeaders(status, -1);
        }
        exchange.close();
    }
}
