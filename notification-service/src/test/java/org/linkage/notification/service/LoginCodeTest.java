package org.linkage.notification.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.SmsProviderFakes.Received;
import org.linkage.notification.SmsProviderFakes;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.notification.SmsProviderFakes.down;
import static org.linkage.notification.SmsProviderFakes.tencentError;

/**
 * The identity provider's phone-number login texts its codes here: through the providers' real request shapes (the
 * WireMock fakes), with per-number limits whoever asks, and only for the identity provider's own client.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class LoginCodeTest {

    SmsProviderFakes sms;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeCircuits() {
        breakers.resetAll();
    }

    private static RequestSpecification as(String token) {
        return As.token(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification identityProvider() {
        return as(Tokens.identityProvider("linkage-sms-login"));
    }

    private static String code(String phone, String code) {
        return """
                {"phoneNumber": "%s", "code": "%s", "validMinutes": 5}""".formatted(phone, code);
    }

    @Test
    void theCodeIsTextedThroughTheRegisteredTemplateSignedAsAliyunWants() {
        String phone = DeliveryTest.phone();

        identityProvider().body(code(phone, "418207")).post("/api/v1/login-codes")
                .then().statusCode(202)
                .body("provider", equalTo("ALIYUN"))
                .body("sentTo", equalTo("+86" + phone.substring(0, 3) + "****" + phone.substring(7)));

        List<Received> texts = sms.aliyunRequestsTo(phone);
        assertEquals(1, texts.size());
        SmsProviderFakes.assertAliyunSigned(texts.get(0));
        assertEquals("SMS_460009", texts.get(0).query().get("TemplateCode"));
        assertEquals("{\"code\":\"418207\",\"validMinutes\":\"5\"}", texts.get(0).query().get("TemplateParam"));
    }

    @Test
    void oneNumberGetsOneCodeAMinuteWhoeverAsksAndAnotherNumberIsNotHeldUp() {
        String phone = DeliveryTest.phone();
        identityProvider().body(code(phone, "111111")).post("/api/v1/login-codes").then().statusCode(202);

        as(Tokens.identityProvider("another-realm-client")).body(code("+86" + phone, "222222"))
                .post("/api/v1/login-codes")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, sms.aliyunRequestsTo(phone).size(), "the refused code was not texted");
        identityProvider().body(code(DeliveryTest.phone(), "333333")).post("/api/v1/login-codes")
                .then().statusCode(202);
    }

    @Test
    void whenNoProviderTakesItTheIdentityProviderIsToldAtOnceAndNothingIsQueued() {
        String phone = DeliveryTest.phone();
        sms.aliyunAnswers(phone, down());
        sms.tencentAnswers(phone, tencentError("InternalError", "internal error"));

        identityProvider().body(code(phone, "418207")).post("/api/v1/login-codes")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("请一分钟后重新获取"));
        assertEquals(1, sms.tencentRequestsTo(phone).size(), "the secondary was tried");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsTexted() {
        identityProvider().body(code("01062345678", "418207")).post("/api/v1/login-codes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("phoneNumber")));
        String phone = DeliveryTest.phone();
        identityProvider().body(code(phone, "41820")).post("/api/v1/login-codes")
                .then().statusCode(400).body("violations.field", hasItem(containsString("code")));
        identityProvider().body("""
                {"phoneNumber": "%s", "code": "418207", "validMinutes": 600}""".formatted(phone))
                .post("/api/v1/login-codes")
                .then().statusCode(400).body("violations.field", hasItem(containsString("validMinutes")));
        assertEquals(List.of(), sms.aliyunRequestsTo(phone));
    }

    @Test
    void onlyTheIdentityProvidersClientMayAskNotAPersonNorAnIntegrator() {
        String phone = DeliveryTest.phone();
        as(Tokens.volunteer(UUID.randomUUID())).body(code(phone, "418207")).post("/api/v1/login-codes")
                .then().statusCode(403);
        as(Tokens.integrator("partner", "needs:write")).body(code(phone, "418207")).post("/api/v1/login-codes")
                .then().statusCode(403);
        RestAssured.given().contentType(ContentType.JSON).body(code(phone, "418207")).post("/api/v1/login-codes")
                .then().statusCode(401);
        assertEquals(List.of(), sms.aliyunRequestsTo(phone));
    }
}
