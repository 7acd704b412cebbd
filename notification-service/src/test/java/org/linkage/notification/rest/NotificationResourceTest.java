package org.linkage.notification.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.AssignmentWithdrawn.Withdrawer;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.Inbox;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NotificationResourceTest {

    static String socialWorker() {
        return "sw-" + UUID.randomUUID();
    }

    static NeedUnmatched unmatched(UUID needId, String socialWorker) {
        return NeedUnmatched.of(needId, socialWorker, "附近没有符合条件的志愿者", 3);
    }

    @Test
    void anOfferReachesTheVolunteersInboxWithWhatTheAppNeedsToAnswerIt() {
        UUID volunteerId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        Inbox.publish(AssignmentOffered.of(assignmentId, needId, volunteerId, socialWorker(), "助老陪伴",
                Urgency.URGENT, new TimeWindow(start, start.plus(Duration.ofHours(2))),
                new GeoPoint(31.2304, 121.4737), "陪同老人去社区医院复诊", expiresAt));

        List<Map<String, Object>> inbox = Inbox.await(volunteerId.toString(), 1);
        assertEquals(1, inbox.size());
        String id = (String) inbox.get(0).get("id");

        Inbox.as(volunteerId.toString()).get("/api/v1/notifications/" + id)
                .then().statusCode(200)
                .body("recipient", equalTo(volunteerId.toString()))
                .body("kind", equalTo("OFFER_RECEIVED"))
                .body("title", equalTo("【紧急】新的服务邀请：助老陪伴"))
                .body("body", containsString("陪同老人去社区医院复诊"))
                .body("body", containsString("时间："))
                .body("data.needId", equalTo(needId.toString()))
                .body("data.assignmentId", equalTo(assignmentId.toString()))
                .body("data.expiresAt", equalTo(expiresAt.toString()))
                .body("data.category", equalTo("助老陪伴"))
                .body("data.urgency", equalTo("URGENT"))
                .body("data.acceptLink", equalTo("linkage://assignments/" + assignmentId + "/accept"))
                .body("createdAt", notNullValue())
                .body("readAt", nullValue());

        String someoneElse = UUID.randomUUID().toString();
        Inbox.as(someoneElse).get("/api/v1/notifications/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        Inbox.as(someoneElse).post("/api/v1/notifications/" + id + "/read")
                .then().statusCode(403).contentType("application/problem+json");
        Inbox.as(volunteerId.toString()).get("/api/v1/notifications/" + id).then().statusCode(200)
                .body("readAt", nullValue());
        given().get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json");
        As.integrator("hospital-1", "needs:write").get("/api/v1/notifications")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void acceptanceAndUnmatchedNeedsReachTheSocialWorker() {
        String socialWorker = socialWorker();
        UUID acceptedNeed = UUID.randomUUID();
        UUID unmatchedNeed = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        Inbox.publish(AssignmentAccepted.of(assignmentId, acceptedNeed, volunteerId, socialWorker));
        Inbox.publish(unmatched(unmatchedNeed, socialWorker));

        List<Map<String, Object>> inbox = Inbox.await(socialWorker, 2);
        assertEquals(2, inbox.size());
        Map<String, Object> confirmed = byKind(inbox, "ASSIGNMENT_CONFIRMED");
        assertEquals("需求已有志愿者接单", confirmed.get("title"));
        assertEquals("一位志愿者已接受您发布的服务需求。", confirmed.get("body"));
        assertEquals(Map.of("needId", acceptedNeed.toString(), "assignmentId", assignmentId.toString(),
                "volunteerId", volunteerId.toString()), confirmed.get("data"));

        Map<String, Object> escalated = byKind(inbox, "NEED_UNMATCHED");
        assertEquals("需求未能匹配志愿者", escalated.get("title"));
        assertTrue(((String) escalated.get("body")).contains("附近没有符合条件的志愿者"), (String) escalated.get("body"));
        assertEquals(Map.of("needId", unmatchedNeed.toString()), escalated.get("data"));
        assertEquals(List.of(), Inbox.of(volunteerId.toString()), "the volunteer is not told of their own acceptance");
    }

    @Test
    void aVolunteersOfferOfThemselvesReachesTheSocialWorkerWithIdsOnly() {
        String socialWorker = socialWorker();
        UUID needId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        Inbox.publish(AssignmentProposed.of(assignmentId, needId, volunteerId, socialWorker));

        Map<String, Object> offered = byKind(Inbox.await(socialWorker, 1), "VOLUNTEER_OFFERED");
        assertEquals("有志愿者主动报名", offered.get("title"));
        assertEquals(Map.of("needId", needId.toString(), "assignmentId", assignmentId.toString(),
                "volunteerId", volunteerId.toString()), offered.get("data"));
        assertEquals(List.of(), Inbox.of(volunteerId.toString()), "the volunteer is not told of their own offer");
    }

    @Test
    void theSocialWorkerIsToldWhenTheVolunteerTakesBackTheirOfferAndTheVolunteerWhenItLapses() {
        String socialWorker = socialWorker();
        UUID needId = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        Inbox.publish(AssignmentWithdrawn.of(withdrawn, needId, volunteerId, socialWorker, Withdrawer.VOLUNTEER));
        Inbox.publish(AssignmentExpired.of(lapsed, needId, volunteerId, socialWorker, Instant.now(), true));

        Map<String, Object> toSocialWorker = byKind(Inbox.await(socialWorker, 1), "VOLUNTEER_OFFER_WITHDRAWN");
        assertEquals("志愿者撤回了报名", toSocialWorker.get("title"));
        assertEquals(Map.of("needId", needId.toString(), "assignmentId", withdrawn.toString(),
                "volunteerId", volunteerId.toString()), toSocialWorker.get("data"));
        List<Map<String, Object>> toVolunteer = Inbox.await(volunteerId.toString(), 1);
        assertEquals(List.of("VOLUNTEER_OFFER_LAPSED"), toVolunteer.stream().map(item -> item.get("kind")).toList(),
                "the volunteer hears only of the lapse, not of their own withdrawal");
        assertEquals("您的报名未获确认", toVolunteer.get(0).get("title"));
        assertEquals(Map.of("needId", needId.toString(), "assignmentId", lapsed.toString()),
                toVolunteer.get(0).get("data"));
        assertEquals(1, Inbox.of(socialWorker).size(), "the lapse is the volunteer's news, not the social worker's");
    }

    @Test
    void aVolunteerIsToldWhenTheirOfferExpiresIsWithdrawnOrIsNoLongerNeeded() {
        UUID volunteerId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Inbox.publish(AssignmentExpired.of(UUID.randomUUID(), needId, volunteerId, socialWorker(), Instant.now(),
                false));
        Inbox.publish(AssignmentWithdrawn.of(UUID.randomUUID(), needId, volunteerId, socialWorker(),
                Withdrawer.STAFF));
        UUID stoodDown = UUID.randomUUID();
        Inbox.publish(AssignmentStoodDown.of(stoodDown, needId, volunteerId, socialWorker()));

        List<Map<String, Object>> inbox = Inbox.await(volunteerId.toString(), 3);
        assertEquals(List.of("STOOD_DOWN", "OFFER_WITHDRAWN", "OFFER_EXPIRED"),
                inbox.stream().map(item -> item.get("kind")).toList());
        assertEquals("无需前往", inbox.get(0).get("title"));
        assertEquals(Map.of("needId", needId.toString(), "assignmentId", stoodDown.toString()), inbox.get(0).get("data"));
    }

    @Test
    void theInboxIsNewestFirstAndPaged() {
        String socialWorker = socialWorker();
        UUID oldest = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID newest = UUID.randomUUID();
        // One at a time: each event has its own key, so only waiting fixes the order they are stored in.
        for (int i = 0; i < 3; i++) {
            Inbox.publish(unmatched(List.of(oldest, middle, newest).get(i), socialWorker));
            assertEquals(i + 1, Inbox.await(socialWorker, i + 1).size());
        }

        Inbox.as(socialWorker).get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items.data.needId", contains(newest.toString(), middle.toString(), oldest.toString()))
                .body("totalItems", equalTo(3));
        Inbox.as(socialWorker).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items.data.needId", contains(oldest.toString()))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalPages", equalTo(2));
    }

    @Test
    void markingReadIsIdempotentAndDrivesTheUnreadFilterAndCount() {
        String socialWorker = socialWorker();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Inbox.publish(unmatched(first, socialWorker));
        Inbox.publish(unmatched(second, socialWorker));
        List<Map<String, Object>> inbox = Inbox.await(socialWorker, 2);
        assertEquals(2, inbox.size());
        assertEquals(2, Inbox.unread(socialWorker));
        String read = (String) inbox.stream().filter(n -> ((Map<?, ?>) n.get("data")).get("needId")
                .equals(first.toString())).findFirst().orElseThrow().get("id");

        String readAt = Inbox.as(socialWorker).post("/api/v1/notifications/" + read + "/read")
                .then().statusCode(200)
                .body("id", equalTo(read))
                .body("readAt", notNullValue())
                .extract().path("readAt");
        Inbox.as(socialWorker).post("/api/v1/notifications/" + read + "/read")
                .then().statusCode(200).body("readAt", equalTo(readAt));

        Inbox.as(socialWorker).get("/api/v1/notifications/unread-count")
                .then().statusCode(200)
                .body("recipient", equalTo(socialWorker))
                .body("unread", equalTo(1));
        Inbox.as(socialWorker).queryParam("unread", true).get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items.data.needId", contains(second.toString()))
                .body("totalItems", equalTo(1));
        Inbox.as(socialWorker).queryParam("unread", false).get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items.id", contains(read))
                .body("items[0].readAt", equalTo(readAt));
    }

    @Test
    void theInboxIsTheCallersWhateverRecipientTheyName() {
        String socialWorker = socialWorker();
        Inbox.publish(unmatched(UUID.randomUUID(), socialWorker));
        assertEquals(1, Inbox.await(socialWorker, 1).size());

        Inbox.as(socialWorker()).queryParam("recipient", socialWorker).get("/api/v1/notifications")
                .then().statusCode(200).body("totalItems", equalTo(0));
        Inbox.as(socialWorker()).get("/api/v1/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(0));
    }

    @Test
    void invalidPagingIsAProblemNamingIt() {
        Inbox.as(socialWorker()).queryParam("size", 0).get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("size"));
    }

    @Test
    void anUnknownNotificationIsAProblem404() {
        UUID unknown = UUID.randomUUID();
        String socialWorker = socialWorker();
        Inbox.as(socialWorker).get("/api/v1/notifications/" + unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("未找到"))
                .body("detail", containsString(unknown.toString()));
        Inbox.as(socialWorker).post("/api/v1/notifications/" + unknown + "/read")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("未找到"));
        Inbox.as(socialWorker).get("/api/v1/notifications/not-a-uuid").then().statusCode(404);
    }

    @Test
    void readinessChecksTheDatabaseKafkaAndThatTheOtherReplicasAreHeard() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.find { it.name == 'replica-signals' }.status", equalTo("UP"));
    }

    @Test
    void everyOperationIsDocumented() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/notifications'.get.operationId", equalTo("listNotifications"))
                .body("paths.'/api/v1/notifications/unread-count'.get.operationId", equalTo("countUnreadNotifications"))
                .body("paths.'/api/v1/notifications/{id}'.get.operationId", equalTo("getNotification"))
                .body("paths.'/api/v1/notifications/{id}/read'.post.operationId", equalTo("markNotificationRead"))
                .body("paths.'/api/v1/notifications'.get.responses.'400'.content.'application/problem+json'",
                        notNullValue());
    }

    private static Map<String, Object> byKind(List<Map<String, Object>> inbox, String kind) {
        return inbox.stream().filter(n -> kind.equals(n.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + inbox));
    }
}
