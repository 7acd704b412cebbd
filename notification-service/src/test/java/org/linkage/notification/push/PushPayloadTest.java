package org.linkage.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.PushRoute;
import org.linkage.notification.service.push.ApnsSender;
import org.linkage.notification.service.push.FcmSender;
import org.linkage.notification.service.push.HuaweiSender;
import org.linkage.notification.service.push.PushMessage;
import org.linkage.notification.service.push.PushMessages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token formats per route, and what a push carries: no database, no broker. */
class PushPayloadTest {

    @Test
    void eachRouteAcceptsOnlyItsOwnTokenFormat() {
        String apns = "8f3c1d2e4b5a6978".repeat(4);
        assertTrue(PushRoute.APNS.accepts(apns));
        assertTrue(PushRoute.APNS.accepts(apns.toUpperCase()));
        assertFalse(PushRoute.APNS.accepts(apns.substring(1)));
        assertFalse(PushRoute.APNS.accepts(apns + "0"));
        assertFalse(PushRoute.APNS.accepts("g" + apns.substring(1)));
        assertFalse(PushRoute.APNS.accepts(null));
        String fcm = "cK9" + "x".repeat(100) + ":APA91bHun4MxP5egoKMwt2KZFBaFUH";
        assertTrue(PushRoute.FCM.accepts(fcm));
        assertFalse(PushRoute.FCM.accepts(fcm.substring(0, 50)));
        assertFalse(PushRoute.FCM.accepts(fcm + " "));
        assertFalse(PushRoute.FCM.accepts(fcm.replace(':', '/')));
        String huawei = "IQAAAACy0kYeAAAvE3n5y8oZcqjhPx1Uv6Kq3g2mqS0vJmXq9xW1cN4VJb7m2kZ8aQ";
        assertTrue(PushRoute.HUAWEI.accepts(huawei));
        assertFalse(PushRoute.HUAWEI.accepts(huawei.substring(0, 20)));
        assertFalse(PushRoute.HUAWEI.accepts(huawei + "\n"));
    }

    private static Notification offer(String urgency) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipient = UUID.randomUUID().toString();
        notification.channel = NotificationChannel.PUSH;
        notification.kind = NotificationKind.OFFER_RECEIVED;
        notification.title = "【紧急救助】新的服务邀请：急救";
        notification.body = "王小明（8岁）放学后无人接送\n地点：幸福路 12 号\n接受：https://app.linkage/accept?t=secret";
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", "5f0c9a52-0f0e-4d51-a3c4-8d1b3b8f9e61");
        data.put("assignmentId", "9a7b6c5d-1e2f-4a3b-8c9d-0e1f2a3b4c5d");
        data.put("expiresAt", "2026-12-05T18:30:00Z");
        data.put("category", "急救");
        data.put("urgency", urgency);
        data.put("acceptLink", "https://app.linkage/accept?t=secret");
        data.put("declineLink", "https://app.linkage/decline?t=secret");
        notification.data = data;
        notification.createdAt = Instant.now();
        return notification;
    }

    @Test
    void anEmergencyOfferIsUrgentCollapsesPerNeedExpiresWithTheOfferAndCarriesNothingPersonal() {
        PushMessage message = PushMessages.of(offer("EMERGENCY"), Language.ZH_CN, "linkage");
        assertTrue(message.urgent());
        assertEquals("【紧急救助】新的服务邀请：急救", message.title());
        assertEquals("请打开 Linkage 查看详情，接受或谢绝。", message.body());
        assertEquals("linkage://offers/9a7b6c5d-1e2f-4a3b-8c9d-0e1f2a3b4c5d", message.deepLink());
        assertEquals("need-5f0c9a52-0f0e-4d51-a3c4-8d1b3b8f9e61", message.collapseId().orElseThrow());
        assertEquals(Instant.parse("2026-12-05T18:30:00Z"), message.expiresAt().orElseThrow());
        assertFalse(message.data().containsKey("acceptLink"), message.data().toString());
        assertFalse(message.data().toString().contains("secret"));
        assertFalse(message.toString().contains("王小明") || message.toString().contains("幸福路"));

        JsonPath apns = JsonPath.from(ApnsSender.payload(message));
        assertEquals("time-sensitive", apns.getString("aps.interruption-level"));
        assertEquals("linkage://offers/9a7b6c5d-1e2f-4a3b-8c9d-0e1f2a3b4c5d", apns.getString("link"));
        assertEquals("need-5f0c9a52-0f0e-4d51-a3c4-8d1b3b8f9e61", apns.getString("aps.thread-id"));
    }

    @Test
    void aRoutineOfferInEnglishIsActiveNotTimeSensitive() {
        PushMessage message = PushMessages.of(offer("ROUTINE"), Language.EN, "linkage");
        assertFalse(message.urgent());
        assertEquals("Open Linkage to see the details and accept or decline.", message.body());
        assertEquals("active", JsonPath.from(ApnsSender.payload(message)).getString("aps.interruption-level"));
    }

    @Test
    void otherKindsLinkToTheNotificationAndNeedNoCollapseOrExpiry() {
        Notification hours = offer("ROUTINE");
        hours.kind = NotificationKind.HOURS_CREDITED;
        hours.data = Map.of("assignmentId", "9a7b6c5d-1e2f-4a3b-8c9d-0e1f2a3b4c5d");
        PushMessage message = PushMessages.of(hours, Language.EN, "linkage");
        assertEquals("linkage://notifications/" + hours.id, message.deepLink());
        assertTrue(message.collapseId().isEmpty());
        assertTrue(message.expiresAt().isEmpty());
        assertEquals("Open Linkage for the details.", message.body());
        assertEquals("HOURS_CREDITED", message.data().get("kind"));
    }

    @Test
    void androidBodiesHaveTheProvidersShapes() {
        PushMessage message = PushMessages.of(offer("EMERGENCY"), Language.ZH_CN, "linkage");
        ObjectMapper json = new ObjectMapper();
        JsonPath fcm = JsonPath.from(FcmSender.body(json, "tok", message));
        assertEquals("tok", fcm.getString("message.token"));
        assertEquals("HIGH", fcm.getString("message.android.priority"));
        assertEquals("emergencies", fcm.getString("message.android.notification.channel_id"));
        assertEquals("linkage://offers/9a7b6c5d-1e2f-4a3b-8c9d-0e1f2a3b4c5d", fcm.getString("message.data.link"));
        JsonPath huawei = JsonPath.from(HuaweiSender.body(json, "tok", message, "WORK"));
        assertEquals("tok", huawei.getString("message.token[0]"));
        assertEquals("WORK", huawei.getString("message.android.category"));
        assertEquals("NORMAL", huawei.getString("message.android.notification.importance"));
        assertTrue(huawei.getString("message.data").contains("\"link\":\"linkage://offers/"));
    }
}
