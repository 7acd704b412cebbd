package org.linkage.notification.service.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.config.PushConfig;
import org.linkage.notification.domain.PushRoute;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Huawei Push Kit, REST API v1: an access token from Huawei's OAuth server (client credentials), then
 * {@code POST /v1/<client id>/messages:send}. Huawei answers HTTP 200 for most outcomes and puts the result in
 * {@code code}: 80000000 is success. Alerts are sent as self-classified service and communication messages
 * (importance NORMAL, category WORK by default), not as marketing, which Huawei silences and caps per day.
 */
@ApplicationScoped
public class HuaweiSender implements PushSender {

    static final String SUCCESS = "80000000";
    /** The token is not (or no longer) a token of this app. */
    static final String TOKEN_INVALID = "80300007";
    /** Some tokens were refused (with one token per request: that one). */
    static final String PARTLY_REFUSED = "80100000";
    /** The access token expired or is not valid. */
    static final Set<String> ACCESS_TOKEN_REFUSED = Set.of("80200001", "80200003");

    private final PushConfig config;
    private final ObjectMapper json;
    private final HttpClient client;
    private final PushHttp.AccessToken accessToken = new PushHttp.AccessToken();

    HuaweiSender(PushConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = PushHttp.client(config.huawei().endpoint(), config.timeout());
    }

    @Override
    public PushRoute route() {
        return PushRoute.HUAWEI;
    }

    @Override
    public CompletableFuture<Void> send(String token, PushMessage message) {
        PushConfig.Huawei huawei = config.huawei();
        URI uri = URI.create(huawei.endpoint().toString().replaceAll("/+$", "") + "/v1/" + huawei.clientId()
                + "/messages:send");
        return PushHttp.postJson(client, uri, config.timeout(), () -> accessToken.get(this::fetchAccessToken),
                body(json, token, message, huawei.category()), "Huawei Push Kit").thenAccept(this::accepted);
    }

    private void accepted(HttpResponse<String> response) {
        JsonNode answer = PushHttp.json(json, response.body());
        String code = answer.path("code").asText("");
        if (response.statusCode() == 200 && SUCCESS.equals(code)) {
            return;
        }
        String reason = "Huawei Push Kit " + response.statusCode() + " " + (code.isEmpty() ? "no code" : code);
        if (TOKEN_INVALID.equals(code) || PARTLY_REFUSED.equals(code)) {
            throw PushException.tokenInvalid(reason);
        }
        if (response.statusCode() == 401 || ACCESS_TOKEN_REFUSED.contains(code)) {
            accessToken.forget();
        }
        throw PushException.retryAfter(reason, PushHttp.retryAfter(response));
    }

    /** The v1 message: one token, the Android notification with its click action, category and expiry. */
    public static String body(ObjectMapper json, String token, PushMessage message, String category) {
        ObjectNode root = json.createObjectNode();
        root.put("validate_only", false);
        ObjectNode huawei = root.putObject("message");
        huawei.putArray("token").add(token);
        try {
            huawei.put("data", json.writeValueAsString(message.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode android = huawei.putObject("android");
        android.put("urgency", "HIGH");
        android.put("category", category);
        message.expiresAt().ifPresent(expiry -> android.put("ttl",
                Math.max(0, Duration.between(Instant.now(), expiry).toSeconds()) + "s"));
        ObjectNode notification = android.putObject("notification");
        notification.put("title", message.title());
        notification.put("body", message.body());
        notification.put("importance", "NORMAL");
        notification.put("visibility", "PRIVATE");
        message.collapseId().ifPresent(collapse -> notification.put("tag", collapse));
        // type 1: open the app's page for this intent (here the deep link's URI)
        notification.putObject("click_action").put("type", 1).put("intent", message.deepLink());
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PushHttp.AccessToken.Answer fetchAccessToken() {
        PushConfig.Huawei huawei = config.huawei();
        return PushHttp.tokenAnswer(json, PushHttp.postForm(client, huawei.tokenEndpoint(), config.timeout(),
                Map.of("grant_type", "client_credentials", "client_id", huawei.clientId(),
                        "client_secret", huawei.clientSecret()), "Huawei OAuth"), "Huawei OAuth");
    }
}
