package org.linkage.notification.service;

import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NotificationComposerTest {

    private static final UUID ASSIGNMENT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID NEED = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID VOLUNTEER = UUID.fromString("00000000-0000-4000-8000-000000000003");

    /** 14:00-16:00 on 5 March in Shanghai (UTC+8). */
    private static final TimeWindow AFTERNOON = new TimeWindow(Instant.parse("2025-03-05T06:00:00Z"),
            Instant.parse("2025-03-05T08:00:00Z"));

    private static AssignmentOffered offer(Urgency urgency, String summary, TimeWindow window) {
        return AssignmentOffered.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", "助老陪伴", urgency, window,
                new GeoPoint(31.2304, 121.4737), summary, Instant.parse("2025-03-05T05:30:00Z"));
    }

    @Test
    void categoryCodesAreShownAsPeopleSayThemAndUnknownOnesAsTheyCame() {
        NotificationDraft visit = NotificationComposer.offerReceived(AssignmentOffered.of(ASSIGNMENT, NEED, VOLUNTEER,
                "sw-zhang", "home-visit", Urgency.ROUTINE, AFTERNOON, null, null, Instant.parse("2025-03-05T05:30:00Z")));
        assertEquals("新的服务邀请：上门探访", visit.title());
        assertEquals("home-visit", visit.data().get("category"));
        assertEquals("snow-clearing", NotificationComposer.categoryLabel("snow-clearing"));
    }

    @Test
    void anOfferGoesToTheVolunteerWithWhatAcceptingNeeds() {
        NotificationDraft draft = NotificationComposer.offerReceived(offer(Urgency.ROUTINE, "陪同老人去社区医院复诊", AFTERNOON));

        assertEquals(VOLUNTEER.toString(), draft.recipient());
        assertEquals(NotificationKind.OFFER_RECEIVED, draft.kind());
        assertEquals("新的服务邀请：助老陪伴", draft.title());
        assertEquals("陪同老人去社区医院复诊\n时间：3月5日 14:00–16:00\n请在3月5日 13:30前接受或谢绝。", draft.body());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "expiresAt", "2025-03-05T05:30:00Z", "category", "助老陪伴", "urgency", "ROUTINE"), draft.data());
    }

    @Test
    void urgentAndEmergencyOffersSaySoInTheTitle() {
        assertEquals("【紧急】新的服务邀请：助老陪伴",
                NotificationComposer.offerReceived(offer(Urgency.URGENT, "x", AFTERNOON)).title());
        assertEquals("【紧急救助】新的服务邀请：助老陪伴",
                NotificationComposer.offerReceived(offer(Urgency.EMERGENCY, "x", AFTERNOON)).title());
    }

    @Test
    void anOfferWithoutSummaryStartsWithTheTime() {
        String body = NotificationComposer.offerReceived(offer(Urgency.ROUTINE, " ", AFTERNOON)).body();
        assertEquals("时间：3月5日 14:00–16:00\n请在3月5日 13:30前接受或谢绝。", body);
        assertEquals(body, NotificationComposer.offerReceived(offer(Urgency.ROUTINE, null, AFTERNOON)).body());
    }

    @Test
    void aWindowAcrossMidnightNamesBothDays() {
        TimeWindow night = new TimeWindow(Instant.parse("2025-03-05T14:00:00Z"), Instant.parse("2025-03-05T17:00:00Z"));
        assertEquals("3月5日 22:00 至 3月6日 01:00", NotificationComposer.window(night));
    }

    @Test
    void anAcceptanceTellsTheSocialWorkerWhoTookTheNeed() {
        NotificationDraft draft = NotificationComposer.assignmentConfirmed(
                AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", "李明"));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.ASSIGNMENT_CONFIRMED, draft.kind());
        assertEquals("需求已有志愿者接单", draft.title());
        assertEquals("志愿者李明已接受您发布的服务需求。", draft.body());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "volunteerId", VOLUNTEER.toString()), draft.data());
    }

    @Test
    void anAcceptanceWithoutANameStillReads() {
        NotificationDraft draft = NotificationComposer.assignmentConfirmed(
                AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", null));
        assertEquals("一位志愿者已接受您发布的服务需求。", draft.body());
        assertFalse(draft.body().contains("null"));
    }

    @Test
    void anUnmatchedNeedTellsTheSocialWorkerWhyAndHowManyWereAsked() {
        NotificationDraft draft = NotificationComposer.needUnmatched(
                NeedUnmatched.of(NEED, "sw-zhang", "附近没有符合条件的志愿者", 7));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.NEED_UNMATCHED, draft.kind());
        assertEquals("需求未能匹配志愿者", draft.title());
        assertEquals("您发布的服务需求未能匹配到志愿者（已邀请7位）。\n原因：附近没有符合条件的志愿者\n请跟进处理。", draft.body());
        assertEquals(Map.of("needId", NEED.toString()), draft.data());
    }
}
