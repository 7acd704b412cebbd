package org.linkage.notification.service.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Aliyun SMS {@code SendSms} (dysmsapi 2017-05-25) as the RPC API: the parameters in the query string signed with
 * HMAC-SHA1 ({@link AliyunSignature}), POSTed; the answer's {@code Code} is {@code OK} with a {@code BizId}, or an
 * error code.
 */
@ApplicationScoped
public class AliyunSms implements SmsProvider {

    static final String VERSION = "2017-05-25";
    /** Answers about this message or number: not worth another attempt anywhere. */
    private static final Set<String> REFUSALS = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
            "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.PARAM_LENGTH_LIMIT",
            "isv.INVALID_JSON_PARAM", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.PARAM_NOT_SUPPORT_URL",
            "isv.DENY_IP_RANGE", "isv.DAY_LIMIT_CONTROL");

    private final SmsConfig.Aliyun config;
    private final ObjectMapper json;
    private final ProviderHttp http;

    AliyunSms(SmsConfig config, ObjectMapper json) {
        this.config = config.aliyun();
        this.json = json;
        this.http = new ProviderHttp("aliyun", config.timeout(), json);
    }

    @Override
    public SmsConfig.Provider id() {
        return SmsConfig.Provider.ALIYUN;
    }

    @Override
    public Map<String, SmsConfig.Template> templates() {
        return config.templates();
    }

    @Override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = ProviderDown.class)
    @CircuitBreakerName("sms-aliyun")
    public String send(String nationalNumber, SmsConfig.Template template, LinkedHashMap<String, String> parameters,
                       UUID reference) {
        Map<String, String> query = new TreeMap<>();
        query.put("AccessKeyId", config.accessKeyId());
        query.put("Action", "SendSms");
        query.put("Format", "JSON");
        query.put("RegionId", config.regionId());
        query.put("SignatureMethod", "HMAC-SHA1");
        query.put("SignatureNonce", UUID.randomUUID().toString());
        query.put("SignatureVersion", "1.0");
        query.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        query.put("Version", VERSION);
        query.put("PhoneNumbers", nationalNumber);
        query.put("SignName", config.signName());
        query.put("TemplateCode", template.code());
        query.put("TemplateParam", toJson(parameters));
        query.put("OutId", reference.toString());
        String signature = AliyunSignature.sign("POST", query, config.accessKeySecret());
        URI uri = URI.create(config.endpoint() + "?" + AliyunSignature.canonicalQuery(query) + "&Signature="
                + AliyunSignature.percentEncode(signature));
        return answer(http.post(uri, "application/x-www-form-urlencoded", null));
    }

    private String answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429) {
            throw new ProviderThrottled("aliyun answered 429", ProviderFailure.retryAfter(response));
        }
        JsonNode body = http.parse(response.body());
        String code = body.path("Code").asText("");
        String message = body.path("Message").asText("");
        if ("OK".equals(code) && body.hasNonNull("BizId")) {
            return body.get("BizId").asText();
        }
        String said = "aliyun answered " + status + " "
                + (code.isEmpty() ? ProviderFailure.abbreviate(response.body()) : code + " (" + message + ")");
        if (code.startsWith("Throttling")) {
            throw new ProviderThrottled(said, ProviderFailure.retryAfter(response));
        }
        if ("isv.BUSINESS_LIMIT_CONTROL".equals(code)) {
            // Per-number flow control: "触发分钟级流控Permits:1", "触发小时级流控...", "触发天级流控...".
            if (message.contains("分钟")) {
                throw new SmsDeferred("per-number limit per minute reached at " + said, Duration.ofMinutes(1));
            }
            if (message.contains("小时")) {
                throw new SmsDeferred("per-number limit per hour reached at " + said, Duration.ofHours(1));
            }
            throw new SmsRefused("per-number daily limit reached at " + said);
        }
        if (REFUSALS.contains(code)) {
            throw new SmsRefused("refused by " + said);
        }
        throw new ProviderDown(said, null);
    }

    private String toJson(Map<String, String> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
