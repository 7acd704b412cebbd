package org.linkage.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Integrators' webhook endpoints on a free local port (WireMock, whose Jetty serves requests in parallel):
 * {@link #newEndpoint()} gives a URL of its own that answers 204; every request is recorded with its headers, body
 * and the status it was answered with, and an endpoint answers 503 or anything else on demand.
 */
public final class WebhookReceiverStub {

    public record Request(Instant at, String path, Map<String, List<String>> headers, String body, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What an endpoint answers instead of 204: a status, a body, and a Location header when not null. */
    public record Answer(int status, String body, String location) {
    }

    private final WireMockServer server;
    private final Map<String, StubMapping> failing = new ConcurrentHashMap<>();

    private WebhookReceiverStub(WireMockServer server) {
        this.server = server;
    }

    public static WebhookReceiverStub start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/hooks/.*")).atPriority(10).willReturn(aResponse().withStatus(204)));
        return new WebhookReceiverStub(server);
    }

    /** A URL nobody else posts to. */
    public URI newEndpoint() {
        return URI.create("http://127.0.0.1:" + server.port() + "/hooks/" + UUID.randomUUID());
    }

    /** Every request to this endpoint is answered 503 until {@link #recover}. */
    public void failUntilRecovered(URI endpoint) {
        failing.put(endpoint.getPath(), server.stubFor(post(urlPathEqualTo(endpoint.getPath())).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("busy"))));
    }

    /** The endpoint answers as before it failed. */
    public void recover(URI endpoint) {
        StubMapping failure = failing.remove(endpoint.getPath());
        if (failure != null) {
            server.removeStub(failure);
        }
    }

    /** Every later request to this endpoint is answered so. */
    public void answer(URI endpoint, Answer answer) {
        ResponseDefinitionBuilder response = aResponse().withStatus(answer.status()).withBody(answer.body());
        if (answer.location() != null) {
            response.withHeader("Location", answer.location());
        }
        server.stubFor(post(urlPathEqualTo(endpoint.getPath())).atPriority(5).willReturn(response));
    }

    /** The requests to this endpoint, oldest first. */
    public List<Request> requestsTo(URI endpoint) {
        List<ServeEvent> oldestFirst = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(oldestFirst);
        return oldestFirst.stream()
                .filter(event -> URI.create(event.getRequest().getUrl()).getPath().equals(endpoint.getPath()))
                .map(WebhookReceiverStub::request)
                .toList();
    }

    public void stop() {
        server.stop();
    }

    private static Request request(ServeEvent event) {
        Map<String, List<String>> headers = event.getRequest().getHeaders().all().stream()
                .collect(Collectors.toMap(HttpHeader::key, HttpHeader::values, (first, second) -> first));
        LoggedResponse response = event.getResponse();
        return new Request(event.getRequest().getLoggedDate().toInstant(),
                URI.create(event.getRequest().getUrl()).getPath(), headers, event.getRequest().getBodyAsString(),
                response == null ? 0 : response.getStatus());
    }
}
