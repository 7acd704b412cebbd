package org.linkage.notification.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationExpiring;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.notification.Inbox;
import org.linkage.notification.repository.DeliveryRepository;
import org.linkage.notification.repository.ReminderRepository;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VolunteerEventsConsumerTest {

    @Inject
    ReminderRepository reminders;

    @Inject
    DeliveryRepository deliveries;

    private static List<Object> kinds(String recipient) {
        return Inbox.of(recipient).stream().map(notification -> notification.get("kind")).toList();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Eventually.value(what, condition::getAsBoolean, Boolean::booleanValue, Duration.ofSeconds(20));
    }

    @Test
    void certificationsHoursAndStarLevelsAreToldOnceEach() {
        UUID volunteerId = UUID.randomUUID();
        UUID certificationId = UUID.randomUUID();
        Inbox.publish(CertificationExpiring.of(volunteerId, certificationId, "first-aid", LocalDate.of(2026, 12, 20)));
        Inbox.publish(CertificationExpired.of(volunteerId, certificationId, "first-aid", LocalDate.of(2026, 12, 20)));
        EventEnvelope hours = Inbox.publish(HoursCredited.of(volunteerId, UUID.randomUUID(), "ACTIVITY",
                UUID.randomUUID(), LocalDate.of(2026, 11, 28), new BigDecimal("3"), new BigDecimal("301")));
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, hours);
        Inbox.publish(StarLevelReached.of(volunteerId, 2, new BigDecimal("301")));

        List<Map<String, Object>> inbox = Inbox.await(volunteerId.toString(), 4);
        assertEquals(List.of("STAR_LEVEL_REACHED", "HOURS_CREDITED", "CERTIFICATION_EXPIRED", "CERTIFICATION_EXPIRING"),
                kinds(volunteerId.toString()));
        assertEquals("恭喜您成为2星志愿者！", inbox.get(0).get("title"));
        assertEquals("您2026年11月28日的服务记入3小时，累计301小时。", inbox.get(1).get("body"));
        assertEquals(certificationId.toString(), ((Map<?, ?>) inbox.get(3).get("data")).get("certificationId"));
    }

    @Test
    void anErasedVolunteersInboxPreferencesContactDataDevicesAndRemindersAreGone() {
        UUID volunteerId = UUID.randomUUID();
        String volunteer = volunteerId.toString();
        Inbox.as(volunteer).contentType(ContentType.JSON).body("""
                        {"platform": "IOS", "route": "APNS", "token": "%s", "appVersion": "2.4.1", "locale": "en"}"""
                        .formatted("ab12".repeat(16)))
                .post("/api/v1/recipients/" + volunteer + "/devices").then().statusCode(201);
        Inbox.as(volunteer).contentType(ContentType.JSON).body("""
                        {"channels": {"STAR_LEVEL_REACHED": ["IN_APP", "SMS"]}, "language": "en",
                         "email": "li.ming@example.com", "phone": "13912345678"}""")
                .put("/api/v1/recipients/" + volunteer + "/preferences").then().statusCode(200);
        Inbox.publish(StarLevelReached.of(volunteerId, 1, new BigDecimal("100")));
        ActivitySignUpConfirmed signUp = ActivitySignUpConfirmed.of(UUID.randomUUID(), UUID.randomUUID(), volunteerId,
                "Haircut day", "Station 3", Instant.now().plus(Duration.ofDays(3)),
                Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)), false);
        Inbox.publish(signUp);
        assertEquals(2, Inbox.await(volunteer, 2).size());
        awaitTrue("reminders scheduled", () -> remindersOf(volunteer) == 2);
        assertTrue(smsDeliveriesOf(volunteer) == 1);

        EventEnvelope erased = Inbox.publish(VolunteerErased.of(volunteerId));
        awaitTrue("inbox emptied", () -> Inbox.of(volunteer).isEmpty());
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, erased);

        Inbox.as(volunteer).get("/api/v1/recipients/" + volunteer + "/preferences").then().statusCode(200)
                .body("email", nullValue()).body("phone", nullValue()).body("language", equalTo("zh-CN"))
                .body("updatedAt", nullValue());
        assertEquals(0, remindersOf(volunteer));
        assertEquals(0, smsDeliveriesOf(volunteer));
        assertEquals(0, Inbox.unread(volunteer));
        Inbox.as(volunteer).get("/api/v1/recipients/" + volunteer + "/devices").then().statusCode(200)
                .body("", hasSize(0));
    }

    private long remindersOf(String volunteer) {
        return QuarkusTransaction.requiringNew().call(() -> reminders.count("volunteerId", volunteer));
    }

    private long smsDeliveriesOf(String volunteer) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.count(
                new DeliveryRepository.Filter(volunteer, null)));
    }
}
