package org.linkage.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import org.linkage.notification.service.sms.AliyunSignature;
import org.linkage.notification.service.sms.Tc3Signature;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Aliyun SMS and Tencent Cloud SMS as WireMock servers on free local ports, answering SendSms in the providers' own
 * shapes: by default accepted (Aliyun {@code Code OK} with a BizId, Tencent a SendStatusSet entry {@code Ok} with a
 * SerialNo); per phone, a sequence of other answers on demand (the last one repeats). Tests check that each request
 * carries a valid signature for the test credentials.
 */
public final class SmsProviderFakes {

    public static final String ALIYUN_KEY_ID = "test-aliyun-key-id";
    public static final String ALIYUN_SECRET = "test-aliyun-secret";
    public static final String TENCENT_SECRET_ID = "AKIDtestsecretid";
    public static final String TENCENT_SECRET_KEY = "test-tencent-secret-key";
    public static final String TENCENT_APP_ID = "1400123456";

    private final WireMockServer aliyun = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final WireMockServer tencent = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public static SmsProviderFakes start() {
        SmsProviderFakes fakes = new SmsProviderFakes();
        fakes.aliyun.start();
        fakes.tencent.start();
        fakes.aliyun.stubFor(post(urlPathEqualTo("/")).atPriority(10).willReturn(aliyunOk()));
        fakes.tencent.stubFor(post(urlPathEqualTo("/")).atPriority(10).willReturn(tencentOk()));
        return fakes;
    }

    public URI aliyunEndpoint() {
        return URI.create("http://127.0.0.1:" + aliyun.port() + "/");
    }

    public URI tencentEndpoint() {
        return URI.create("http://127.0.0.1:" + tencent.port() + "/");
    }

    public void stop() {
        aliyun.stop();
        tencent.stop();
    }

    // ---- answers in the providers' shapes

    public static ResponseDefinitionBuilder aliyunOk() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\": \"{{randomValue type='UUID'}}\", \"Code\": \"OK\", \"Message\": \"OK\", "
                        + "\"BizId\": \"{{randomValue length=18 type='NUMERIC'}}^0\"}")
                .withTransformers("response-template");
    }

    public static ResponseDefinitionBuilder aliyunError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\": \"F655A8D5-B967-440B-8683-DAD6FF8DE990\", \"Code\": \"" + code
                        + "\", \"Message\": \"" + message + "\"}");
    }

    public static ResponseDefinitionBuilder tencentOk() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Response\": {\"SendStatusSet\": [{\"SerialNo\": \"2028:{{randomValue length=20 "
                        + "type='NUMERIC'}}\", \"PhoneNumber\": \"{{jsonPath request.body '$.PhoneNumberSet[0]'}}\", "
                        + "\"Fee\": 1, \"SessionContext\": \"\", \"Code\": \"Ok\", \"Message\": \"send success\", "
                        + "\"IsoCode\": \"CN\"}], \"RequestId\": \"{{randomValue type='UUID'}}\"}}")
                .withTransformers("response-template");
    }

    /** A per-number status in an otherwise successful call, e.g. LimitExceeded.PhoneNumberDailyLimit. */
    public static ResponseDefinitionBuilder tencentStatus(String code, String message) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Response\": {\"SendStatusSet\": [{\"SerialNo\": \"\", \"PhoneNumber\": \"\", "
                        + "\"Fee\": 0, \"SessionContext\": \"\", \"Code\": \"" + code + "\", \"Message\": \""
                        + message + "\", \"IsoCode\": \"CN\"}], "
                        + "\"RequestId\": \"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}");
    }

    /** A call-level error, e.g. RequestLimitExceeded or InternalError.Timeout. */
    public static ResponseDefinitionBuilder tencentError(String code, String message) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Response\": {\"Error\": {\"Code\": \"" + code + "\", \"Message\": \"" + message
                        + "\"}, \"RequestId\": \"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}");
    }

    public static ResponseDefinitionBuilder down() {
        return aResponse().withStatus(503).withBody("busy");
    }

    public static ResponseDefinitionBuilder throttled(int retryAfterSeconds) {
        return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withBody("Too Many Requests");
    }

    /** Aliyun answers SendSms to this phone with these, one after the other; the last one repeats. */
    public void aliyunAnswers(String phone, ResponseDefinitionBuilder... answers) {
        answerInSequence(aliyun, "aliyun " + phone, () -> post(urlPathEqualTo("/"))
                .withQueryParam("PhoneNumbers", equalTo(national(phone))), answers);
    }

    public void tencentAnswers(String phone, ResponseDefinitionBuilder... answers) {
        answerInSequence(tencent, "tencent " + phone, () -> post(urlPathEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.PhoneNumberSet[0]", equalTo("+86" + national(phone)))), answers);
    }

    private static void answerInSequence(WireMockServer server, String scenario,
                                         java.util.function.Supplier<MappingBuilder> request,
                                         ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder mapping = request.get().atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i);
            if (i < answers.length - 1) {
                mapping = mapping.willSetStateTo("answer " + (i + 1));
            }
            server.stubFor(mapping.willReturn(answers[i]));
        }
    }

    // ---- what the providers received

    public record Received(Instant at, int answered, LoggedRequest request) {

        /** Aliyun's query parameters, decoded. */
        public Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = URI.create(request.getUrl()).getRawQuery();
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return query;
        }

        public JsonPath body() {
            return JsonPath.from(request.getBodyAsString());
        }
    }

    public List<Received> aliyunRequestsTo(String phone) {
        return received(aliyun, request -> national(phone).equals(request.queryParameter("PhoneNumbers").firstValue()));
    }

    public List<Received> tencentRequestsTo(String phone) {
        return received(tencent, request -> request.getBodyAsString().contains("\"+86" + national(phone) + "\""));
    }

    private static List<Received> received(WireMockServer server, Predicate<LoggedRequest> which) {
        return server.getAllServeEvents().stream()
                .filter(event -> which.test(event.getRequest()))
                .map(SmsProviderFakes::received)
                .sorted(Comparator.comparing(Received::at))
                .toList();
    }

    private static Received received(ServeEvent event) {
        return new Received(event.getRequest().getLoggedDate().toInstant(), event.getResponse().getStatus(),
                event.getRequest());
    }

    /** The request carries Aliyun's RPC signature over its parameters, made with the test secret. */
    public static void assertAliyunSigned(Received received) {
        Map<String, String> query = new LinkedHashMap<>(received.query());
        String signature = query.remove("Signature");
        assertEquals("HMAC-SHA1", query.get("SignatureMethod"));
        assertEquals(ALIYUN_KEY_ID, query.get("AccessKeyId"));
        assertEquals(AliyunSignature.sign("POST", query, ALIYUN_SECRET), signature, "Aliyun signature");
    }

    /** The request carries a TC3-HMAC-SHA256 Authorization over its body and host, made with the test key. */
    public static void assertTencentSigned(Received received) {
        LoggedRequest request = received.request();
        assertEquals("SendSms", request.getHeader("X-TC-Action"));
        assertEquals("2021-01-11", request.getHeader("X-TC-Version"));
        assertEquals("ap-guangzhou", request.getHeader("X-TC-Region"));
        assertEquals(Tc3Signature.authorization(TENCENT_SECRET_ID, TENCENT_SECRET_KEY, "sms",
                        request.getHeader("Host"), request.getHeader("Content-Type"), request.getBodyAsString(),
                        Long.parseLong(request.getHeader("X-TC-Timestamp"))),
                request.getHeader("Authorization"), "Tencent TC3 signature");
    }

    public static String national(String phone) {
        return phone.startsWith("+86") ? phone.substring(3) : phone;
    }
}
