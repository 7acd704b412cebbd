package org.linkage.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SMS provider's HTTP API on a free local port: records every request and fails on demand, per phone. */
public final class SmsProviderStub {

    public record Request(Instant at, String authorization, String to, String text, int answered) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresToGo = new ConcurrentHashMap<>();

    private SmsProviderStub(HttpServer server) {
        this.server = server;
    }

    public static SmsProviderStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SmsProviderStub stub = new SmsProviderStub(server);
        server.createContext("/sms", stub::handle);
        server.start();
        return stub;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    /** The next {@code times} messages to this phone are answered 503. */
    public void failFor(String phone, int times) {
        failuresToGo.put(phone, times);
    }

    public List<Request> requestsTo(String phone) {
        return requests.stream().filter(request -> phone.equals(request.to())).toList();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonPath body = JsonPath.from(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = body.getString("to");
        Integer failuresLeft = failuresToGo.computeIfPresent(to, (phone, left) -> left - 1);
        boolean fail = failuresLeft != null && failuresLeft >= 0;
        int status = fail ? 503 : 202;
        requests.add(new Request(Instant.now(), exchange.getRequestHeaders().getFirst("Authorization"), to,
                body.getString("text"), status));
        byte[] answer = (fail ? "busy" : "{\"accepted\": true}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
