package org.linkage.notification.service.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.linkage.notification.config.SmsConfig;
import org.linkage.notification.service.SmsGateway.SmsDeferred;
import org.linkage.notification.service.SmsGateway.SmsRefused;
import org.linkage.notification.service.sms.ProviderFailure.ProviderDown;
import org.linkage.notification.service.sms.ProviderFailure.ProviderThrottled;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tencent Cloud SMS {@code SendSms} (API 2021-01-11): a JSON POST signed with TC3-HMAC-SHA256
 * ({@link Tc3Signature}) and the X-TC-* headers; the answer's {@code SendStatusSet} says per number {@code Ok} with
 * a {@code SerialNo}, or an error code; a request-level {@code Error} says what went wrong with the call.
 */
@ApplicationScoped
public class TencentSms implements SmsProvider {

    static final String VERSION = "2021-01-11";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Set<String> REFUSALS = Set.of("InvalidParameterValue.IncorrectPhoneNumber",
            "FailedOperation.PhoneNumberInBlacklist", "InvalidParameterValue.TemplateParameterFormatError",
            "InvalidParameterValue.TemplateParameterLengthLimit", "FailedOperation.ContainSensitiveWord",
            "FailedOperation.MissingTemplateToModify",
            "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber",
            "LimitExceeded.PhoneNumberDailyLimit", "LimitExceeded.PhoneNumberSameContentDailyLimit",
            "LimitExceeded.DailyLimit");

    private final SmsConfig.Tencent config;
    private final ObjectMapper json;
    private final ProviderHttp http;

    TencentSms(SmsConfig config, ObjectMapper json) {
        this.config = config.tencent();
        this.json = json;
        this.http = new ProviderHttp("tencent", config.timeout(), json);
    }

    @Override
    public SmsConfig.Provider id() {
        return SmsConfig.Provider.TENCENT;
    }

    @Override
    public Map<String, SmsConfig.Template> templates() {
        return config.templates();
    }

    @Override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = ProviderDown.class)
    @CircuitBreakerName("sms-tencent")
    public String send(String nationalNumber, SmsConfig.Template template, LinkedHashMap<String, String> parameters,
                       UUID reference) {
        ObjectNode body = json.createObjectNode();
        body.putArray("PhoneNumberSet").add("+86" + nationalNumber);
        body.put("SmsSdkAppId", config.sdkAppId());
        body.put("SignName", config.signName());
        body.put("TemplateId", template.code());
        parameters.values().forEach(body.putArray("TemplateParamSet")::add);
        body.put("SessionContext", reference.toString());
        String payload = body.toString();
        URI endpoint = config.endpoint();
        String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        long timestamp = System.currentTimeMillis() / 1000;
        return answer(http.post(endpoint, CONTENT_TYPE, payload,
                "X-TC-Action", "SendSms",
                "X-TC-Version", VERSION,
                "X-TC-Timestamp", String.valueOf(timestamp),
                "X-TC-Region", config.region(),
                "Authorization", Tc3Signature.authorization(config.secretId(), config.secretKey(), "sms", host,
                        CONTENT_TYPE, payload, timestamp)));
    }

    private String answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429) {
            throw new ProviderThrottled("tencent answered 429", ProviderFailure.retryAfter(response));
        }
        JsonNode answer = http.parse(response.body()).path("Response");
        if (status / 100 != 2 || answer.isMissingNode()) {
            throw new ProviderDown("tencent answered " + status + " " + ProviderFailure.abbreviate(response.body()),
                    null);
        }
        JsonNode error = answer.path("Error");
        if (!error.isMissingNode()) {
            throw failure(response, error.path("Code").asText(""), error.path("Message").asText(""));
        }
        JsonNode sent = answer.path("SendStatusSet").path(0);
        String code = sent.path("Code").asText("");
        if ("Ok".equals(code) && sent.hasNonNull("SerialNo")) {
            return sent.get("SerialNo").asText();
        }
        throw failure(response, code, sent.path("Message").asText(""));
    }

    private RuntimeException failure(HttpResponse<String> response, String code, String message) {
        String said = "tencent answered " + code + " (" + message + ")";
        if (code.startsWith("RequestLimitExceeded")) {
            return new ProviderThrottled(said, ProviderFailure.retryAfter(response));
        }
        if ("LimitExceeded.PhoneNumberThirtySecondLimit".equals(code)) {
            return new SmsDeferred("per-number limit per 30 s reached: " + said, Duration.ofSeconds(30));
        }
        if ("LimitExceeded.PhoneNumberOneHourLimit".equals(code)) {
            return new SmsDeferred("per-number limit per hour reached: " + said, Duration.ofHours(1));
        }
        if (REFUSALS.contains(code)) {
            return new SmsRefused(code.startsWith("LimitExceeded") ? "per-number daily limit reached: " + said
                    : "refused: " + said);
        }
        return new ProviderDown(said, null);
    }
}
