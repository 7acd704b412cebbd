package org.linkage.notification.push;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkage.notification.Inbox;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(PushTestResource.class)
class DeviceResourceTest {

    static String apnsToken() {
        StringBuilder token = new StringBuilder();
        ThreadLocalRandom.current().ints(64, 0, 16).forEach(digit -> token.append(Integer.toHexString(digit)));
        return token.toString();
    }

    static String fcmToken() {
        return "cK9" + "x".repeat(100) + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
    }

    static String huaweiToken() {
        return "IQAAAACy0" + UUID.randomUUID().toString().replace("-", "") + "AAAvE3n5y8oZcqjhPx1Uv6Kq3g2mqS0vJmXq9";
    }

    static String body(String platform, String route, String token) {
        return """
                {"platform": "%s", "route": "%s", "token": "%s", "appVersion": "2.4.1", "locale": "zh-CN"}"""
                .formatted(platform, route, token);
    }

    static ValidatableResponse register(String person, String body) {
        return Inbox.as(person).contentType(ContentType.JSON).body(body)
                .post("/api/v1/recipients/" + person + "/devices").then();
    }

    static List<String> hints(String person) {
        return Inbox.as(person).get("/api/v1/recipients/" + person + "/devices")
                .then().statusCode(200).extract().jsonPath().getList("tokenHint");
    }

    @Test
    void aPersonRegistersListsAndRemovesTheirPhonesAndNeverSeesATokenWhole() {
        String volunteer = UUID.randomUUID().toString();
        String token = apnsToken();
        String created = register(volunteer, body("IOS", "APNS", token)).statusCode(201)
                .header("Location", containsString("/devices/"))
                .body("platform", equalTo("IOS")).body("route", equalTo("APNS"))
                .body("tokenHint", equalTo("…" + token.substring(58)))
                .body("appVersion", equalTo("2.4.1")).body("locale", equalTo("zh-CN"))
                .extract().asString();
        assertFalse(created.contains(token), created);
        String id = register(volunteer, body("IOS", "APNS", token)).statusCode(200)
                .extract().jsonPath().getString("id");

        String listed = Inbox.as(volunteer).get("/api/v1/recipients/" + volunteer + "/devices")
                .then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo(id)).extract().asString();
        assertFalse(listed.contains(token), listed);

        Inbox.as(volunteer).delete("/api/v1/recipients/" + volunteer + "/devices/" + id).then().statusCode(204);
        Inbox.as(volunteer).delete("/api/v1/recipients/" + volunteer + "/devices/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(List.of(), hints(volunteer));
    }

    @Test
    void aTokenRegisteredBySomeoneElseMovesToThemAndOthersNeverSeeIt() {
        String first = UUID.randomUUID().toString();
        String second = "sw-" + UUID.randomUUID();
        String token = huaweiToken();
        register(first, body("ANDROID", "HUAWEI", token)).statusCode(201);
        String moved = register(second, body("ANDROID", "HUAWEI", token)).statusCode(201).extract().asString();
        assertFalse(moved.contains(token), moved);

        assertEquals(List.of(), hints(first), "the shared phone no longer reaches its first owner");
        assertEquals(List.of("…" + token.substring(token.length() - 6)), hints(second));
        Inbox.as(first).get("/api/v1/recipients/" + second + "/devices").then().statusCode(403)
                .contentType("application/problem+json").body(not(containsString(token)));
        Inbox.as(first).contentType(ContentType.JSON).body(body("ANDROID", "HUAWEI", token))
                .post("/api/v1/recipients/" + second + "/devices").then().statusCode(403);
        String asAdmin = As.admin("admin-1")
                .get("/api/v1/recipients/" + second + "/devices").then().statusCode(200).extract().asString();
        assertFalse(asAdmin.contains(token), asAdmin);
    }

    @Test
    void theEleventhDeviceDropsTheOneRegisteredLongestAgo() {
        String volunteer = UUID.randomUUID().toString();
        String oldest = fcmToken();
        register(volunteer, body("ANDROID", "FCM", oldest)).statusCode(201);
        for (int i = 0; i < 10; i++) {
            register(volunteer, body("ANDROID", "FCM", fcmToken())).statusCode(201);
        }
        List<String> hints = hints(volunteer);
        assertEquals(10, hints.size());
        assertFalse(hints.contains("…" + oldest.substring(oldest.length() - 6)), hints.toString());
    }

    @Test
    void badInputIsA400NamingTheFieldAndRegistersNothing() {
        String volunteer = UUID.randomUUID().toString();
        rejects(volunteer, body("WINDOWS_PHONE", "APNS", apnsToken()), "platform");
        rejects(volunteer, body("ANDROID", "PIGEON", fcmToken()), "route");
        rejects(volunteer, body("IOS", "FCM", fcmToken()), "route");
        rejects(volunteer, body("ANDROID", "HUAWEI", apnsToken().substring(0, 20)), "token");
        rejects(volunteer, body("IOS", "APNS", "zz" + apnsToken().substring(2)), "token");
        rejects(volunteer, body("IOS", "APNS", apnsToken() + "00"), "token");
        rejects(volunteer, body("ANDROID", "FCM", "short"), "token");
        rejects(volunteer, body("ANDROID", "FCM", fcmToken() + " <script>"), "token");
        rejects(volunteer, """
                {"platform": "IOS", "route": "APNS", "token": "%s", "appVersion": "2.4.1"}"""
                .formatted(apnsToken()), "locale");
        rejects(volunteer, """
                {"platform": "IOS", "route": "APNS", "token": "%s", "appVersion": "2 4", "locale": "zh-CN"}"""
                .formatted(apnsToken()), "appVersion");
        assertEquals(List.of(), hints(volunteer), "nothing half-registered");
    }

    private static void rejects(String person, String body, String field) {
        register(person, body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains(field));
    }
}
