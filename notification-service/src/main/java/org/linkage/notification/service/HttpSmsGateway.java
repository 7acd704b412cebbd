package org.linkage.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.config.SmsConfig;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A provider's JSON API: {@code POST {"to": phone, "text": text}} with the API key as a bearer token; any 2xx
 * means accepted.
 */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private final SmsConfig config;
    private final ObjectMapper json;
    private final HttpClient client;

    HttpSmsGateway(SmsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public void send(String phone, String text) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + config.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            json.writeValueAsString(Map.of("to", phone, "text", text))))
                    .build();
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new SmsException("SMS provider unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsException(
                    "SMS provider answered " + response.statusCode() + ": " + abbreviate(response.body()), null);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
