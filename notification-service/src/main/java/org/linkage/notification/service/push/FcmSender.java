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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

/**
 * Firebase Cloud Messaging, HTTP v1 API. The service account signs a JWT (RS256) that Google's token endpoint
 * exchanges for an hour's access token (the OAuth 2.0 JWT bearer grant); each push is then one
 * {@code POST /v1/projects/<project>/messages:send}. Offers and emergencies go with Android priority HIGH, so that
 * Doze lets them wake the phone.
 */
@ApplicationScoped
public class FcmSender implements PushSender {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private final PushConfig config;
    private final ObjectMapper json;
    private final HttpClient client;
    private final PushHttp.AccessToken accessToken = new PushHttp.AccessToken();

    FcmSender(PushConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = PushHttp.client(config.fcm().endpoint(), config.timeout());
    }

    @Override
    public PushRoute route() {
        return PushRoute.FCM;
    }

    @Override
    public CompletableFuture<Void> send(String token, PushMessage message) {
        PushConfig.Fcm fcm = config.fcm();
        URI uri = URI.create(fcm.endpoint().toString().replaceAll("/+$", "") + "/v1/projects/" + fcm.projectId()
                + "/messages:send");
        return PushHttp.postJson(client, uri, config.timeout(), () -> accessToken.get(this::fetchAccessToken),
                body(json, token, message), "FCM").thenAccept(this::accepted);
    }

    private void accepted(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            return;
        }
        JsonNode error = PushHttp.json(json, response.body()).path("error");
        String code = errorCode(error);
        String reason = "FCM " + response.statusCode() + " " + code;
        if ("UNREGISTERED".equals(code)) {
            throw PushException.tokenInvalid(reason);
        }
        if (response.statusCode() == 401) {
            accessToken.forget();
        }
        throw PushException.retryAfter(reason, PushHttp.retryAfter(response));
    }

    /** FCM's own error code (UNREGISTERED, QUOTA_EXCEEDED...) from the details, else the status. */
    private static String errorCode(JsonNode error) {
        return StreamSupport.stream(error.path("details").spliterator(), false)
                .map(detail -> detail.path("errorCode").asText(""))
                .filter(code -> !code.isEmpty()).findFirst()
                .orElse(error.path("status").asText("no error code"));
    }

    /** The v1 message: a notification with its text, the ids as data, the Android options. */
    public static String body(ObjectMapper json, String token, PushMessage message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode fcm = root.putObject("message");
        fcm.put("token", token);
        fcm.putObject("notification").put("title", message.title()).put("body", message.body());
        ObjectNode data = fcm.putObject("data");
        message.data().forEach(data::put);
        ObjectNode android = fcm.putObject("android");
        android.put("priority", "HIGH");
        message.expiresAt().ifPresent(expiry -> android.put("ttl",
                Math.max(0, Duration.between(Instant.now(), expiry).toSeconds()) + "s"));
        message.collapseId().ifPresent(collapse -> android.put("collapse_key", collapse));
        ObjectNode notification = android.putObject("notification");
        notification.put("channel_id", message.urgent() ? "emergencies" : "offers");
        notification.put("notification_priority", message.urgent() ? "PRIORITY_MAX" : "PRIORITY_HIGH");
        notification.put("visibility", "PRIVATE");
        message.collapseId().ifPresent(collapse -> notification.put("tag", collapse));
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PushHttp.AccessToken.Answer fetchAccessToken() {
        PushConfig.Fcm fcm = config.fcm();
        return PushHttp.tokenAnswer(json, PushHttp.postForm(client, fcm.tokenEndpoint(), config.timeout(),
                Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "assertion", assertion(fcm, Instant.now())), "Google OAuth"), "Google OAuth");
    }

    /** The service account's signed claim: who it is, what it wants (FCM), for whom (the token endpoint). */
    String assertion(PushConfig.Fcm fcm, Instant now) {
        ObjectNode claims = json.createObjectNode().put("iss", fcm.clientEmail()).put("scope", SCOPE)
                .put("aud", fcm.tokenEndpoint().toString())
                .put("iat", now.getEpochSecond()).put("exp", now.getEpochSecond() + 3600);
        try {
            String signed = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(json.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey(fcm.privateKey()));
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException | IllegalArgumentException | JsonProcessingException e) {
            // Never the key's bytes: only that it is not usable, retried until the configuration is fixed.
            throw PushException.retry("FCM service account key not usable: " + e.getClass().getSimpleName(), e);
        }
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("\\n", "\n").replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
