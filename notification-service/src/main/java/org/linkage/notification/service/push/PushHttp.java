package org.linkage.notification.service.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.linkage.notification.service.http.OutboundHttpClients;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the HTTP push services (FCM, Huawei) share: a client, OAuth access tokens, Retry-After. */
final class PushHttp {

    private PushHttp() {
    }

    /** HTTP/2 to the real services; HTTP/1.1 to a plain-http fake, where an h2c upgrade gains nothing. */
    static HttpClient client(URI endpoint, Duration timeout) {
        return OutboundHttpClients.builder(timeout)
                .version("http".equals(endpoint.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request, String service) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PushException.retry(service + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PushException.retry("interrupted while pushing through " + service, e);
        }
    }

    /**
     * A push: the JSON body POSTed with the access token as bearer, without waiting for the answer. The access token
     * is fetched first when there is none (rarely: it lasts an hour); failures complete the future with a
     * {@link PushException} to retry.
     */
    static CompletableFuture<HttpResponse<String>> postJson(HttpClient client, URI uri, Duration timeout,
                                                          Supplier<String> accessToken, String body, String service) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Authorization", "Bearer " + accessToken.get())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (PushException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Async on the bounded executor: the JDK completes sendAsync's future on the common pool (a new thread per
        // task on two CPUs or fewer), and the dependent stages would run there.
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handleAsync((response, failure) -> {
            if (failure == null) {
                return response;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            throw PushException.retry(service + " unreachable: " + cause.getClass().getSimpleName(), cause);
        }, OutboundHttpClients.executor());
    }

    /** An OAuth token request: the form POSTed to the token endpoint. */
    static HttpResponse<String> postForm(HttpClient client, URI uri, Duration timeout, Map<String, String> fields,
                                         String service) {
        return send(client, HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(fields))
                .build(), service);
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    static JsonNode json(ObjectMapper mapper, String body) {
        try {
            return mapper.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    /** Retry-After in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(Duration.between(Instant.now(), at)).filter(d -> !d.isNegative());
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }

    /** An OAuth access token, fetched when first needed and again a minute before it expires. */
    static final class AccessToken {

        record Answer(String token, Duration lifetime) {
        }

        private String token;
        private Instant refreshAt = Instant.MIN;

        synchronized String get(Supplier<Answer> fetch) {
            if (token == null || Instant.now().isAfter(refreshAt)) {
                Answer answer = fetch.get();
                token = answer.token();
                refreshAt = Instant.now().plus(answer.lifetime()).minusSeconds(60);
            }
            return token;
        }

        /** The service refused it (expired early, revoked): the next push fetches a new one. */
        synchronized void forget() {
            token = null;
        }
    }

    /** Reads a standard OAuth token answer, or fails the push to be retried. */
    static AccessToken.Answer tokenAnswer(ObjectMapper mapper, HttpResponse<String> response, String service) {
        JsonNode answer = json(mapper, response.body());
        if (response.statusCode() / 100 != 2 || !answer.hasNonNull("access_token")) {
            throw PushException.retryAfter(service + " refused the access token request: " + response.statusCode()
                    + " " + answer.path("error").asText(""), retryAfter(response));
        }
        return new AccessToken.Answer(answer.get("access_token").asText(),
                Duration.ofSeconds(answer.path("expires_in").asLong(3600)));
    }
}
