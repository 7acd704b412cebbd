package org.linkage.notification.service.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.linkage.notification.service.http.OutboundHttpClients;
import org.linkage.notification.service.sms.ProviderFailure.ProviderDown;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One provider's HTTP exchange: a request within the timeout, no connection meaning the provider is down. */
final class ProviderHttp {

    private final String provider;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient client;

    ProviderHttp(String provider, Duration timeout, ObjectMapper json) {
        this.provider = provider;
        this.timeout = timeout;
        this.json = json;
        this.client = OutboundHttpClients.builder(timeout).build();
    }

    HttpResponse<String> post(URI uri, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderDown(provider + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderDown(provider + ": interrupted while sending", e);
        }
    }

    /** The answer as JSON; an empty object for a body that is not JSON (a proxy's error page). */
    JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
