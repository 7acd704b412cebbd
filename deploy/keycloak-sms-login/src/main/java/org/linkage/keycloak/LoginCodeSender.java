package org.linkage.keycloak;

import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks notification-service to text a login code ({@code POST /api/v1/login-codes}), with a bearer token of this
 * realm's {@code linkage-sms-login} client (client credentials, role identity-provider), fetched from the realm's
 * own token endpoint and reused until shortly before it expires. One sender per configuration, shared by requests.
 */
final class LoginCodeSender {

    /** What notification-service answered. */
    record Answer(int status, Optional<Long> retryAfterSeconds, String body) {
        boolean accepted() {
            return status == 202;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI loginCodes;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenUntil = Instant.EPOCH;

    LoginCodeSender(URI notificationService, URI tokenEndpoint, String clientId, String clientSecret) {
        this.loginCodes = notificationService.resolve("/api/v1/login-codes");
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    Answer text(String phoneNumber, String code, int validMinutes) throws IOException, InterruptedException {
        String body = "{\"phoneNumber\":\"" + phoneNumber + "\",\"code\":\"" + code + "\",\"validMinutes\":"
                + validMinutes + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(loginCodes).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            tokenUntil = Instant.EPOCH;
        }
        Optional<Long> retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong);
        return new Answer(response.statusCode(), retryAfter, response.body());
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (Instant.now().isBefore(tokenUntil)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the realm's token endpoint refused client " + clientId + ": "
                    + response.statusCode());
        }
        AccessTokenResponse granted = JsonSerialization.readValue(response.body(), AccessTokenResponse.class);
        token = granted.getToken();
        tokenUntil = Instant.now().plusSeconds(Math.max(0, granted.getExpiresIn() - 30));
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
