package org.linkage.notification.service;

import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static NotificationText zh(NotificationDraft draft) {
        return draft.text(Language.ZH_CN);
    }

    @Test
    void aClosedOfferTellsTheVolunteerWhyAndAStandDownIgnoresQuietHours() {
        NotificationDraft stoodDown = NotificationComposer.offerClosed(NotificationKind.STOOD_DOWN, ASSIGNMENT, NEED,
                VOLUNTEER);
        assertEquals(VOLUNTEER.toString(), stoodDown.recipient());
        assertEquals("无需前往", stoodDown.text(Language.ZH_CN).title());
        assertEquals("Stand down", stoodDown.text(Language.EN).title());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString()), stoodDown.data());
        assertTrue(stoodDown.emergency());

        NotificationDraft expired = NotificationComposer.offerClosed(NotificationKind.OFFER_EXPIRED, ASSIGNMENT, NEED,
                VOLUNTEER);
        assertEquals("服务邀请已过期", expired.text(Language.ZH_CN).title());
        assertFalse(expired.emergency());
        assertEquals("Offer withdrawn", NotificationComposer.offerClosed(NotificationKind.OFFER_WITHDRAWN, ASSIGNMENT,
                NEED, VOLUNTEER).text(Language.EN).title());
        assertThrows(IllegalArgumentException.class, () -> NotificationComposer.offerClosed(
                NotificationKind.OFFER_RECEIVED, ASSIGNMENT, NEED, VOLUNTEER));
    }

    @Test
    void categoryCodesAreShownAsPeopleSayThemAndUnknownOnesAsTheyCame() {
        NotificationDraft visit = NotificationComposer.offerReceived(AssignmentOffered.of(ASSIGNMENT, NEED, VOLUNTEER,
                "sw-zhang", "home-visit", Urgency.ROUTINE, AFTERNOON, null, null, Instant.parse("2025-03-05T05:30:00Z")));
        assertEquals("新的服务邀请：上门探访", zh(visit).title());
        assertEquals("home-visit", visit.data().get("category"));
        assertEquals("snow-clearing", NotificationComposer.categoryLabel("snow-clearing", Language.EN));
    }

    @Test
    void anOfferGoesToTheVolunteerWithWhatAcceptingNeeds() {
        NotificationDraft draft = NotificationComposer.offerReceived(offer(Urgency.ROUTINE, "陪同老人去社区医院复诊", AFTERNOON));

        assertEquals(VOLUNTEER.toString(), draft.recipient());
        assertEquals(NotificationKind.OFFER_RECEIVED, draft.kind());
        assertEquals("新的服务邀请：助老陪伴", zh(draft).title());
        assertEquals("陪同老人去社区医院复诊\n时间：3月5日 14:00–16:00\n请在3月5日 13:30前接受或谢绝。", zh(draft).body());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "expiresAt", "2025-03-05T05:30:00Z", "category", "助老陪伴", "urgency", "ROUTINE"), draft.data());
    }

    @Test
    void urgentAndEmergencyOffersSaySoInTheTitle() {
        assertEquals("【紧急】新的服务邀请：助老陪伴",
                zh(NotificationComposer.offerReceived(offer(Urgency.URGENT, "x", AFTERNOON))).title());
        assertEquals("【紧急救助】新的服务邀请：助老陪伴",
                zh(NotificationComposer.offerReceived(offer(Urgency.EMERGENCY, "x", AFTERNOON))).title());
    }

    @Test
    void onlyEmergencyOffersIgnoreQuietHours() {
        assertTrue(NotificationComposer.offerReceived(offer(Urgency.EMERGENCY, "x", AFTERNOON)).emergency());
        assertFalse(NotificationComposer.offerReceived(offer(Urgency.URGENT, "x", AFTERNOON)).emergency());
        assertFalse(NotificationComposer.needUnmatched(NeedUnmatched.of(NEED, "sw-zhang", "无人接单", 3)).emergency());
    }

    @Test
    void anOfferWithoutSummaryStartsWithTheTime() {
        String body = zh(NotificationComposer.offerReceived(offer(Urgency.ROUTINE, " ", AFTERNOON))).body();
        assertEquals("时间：3月5日 14:00–16:00\n请在3月5日 13:30前接受或谢绝。", body);
        assertEquals(body, zh(NotificationComposer.offerReceived(offer(Urgency.ROUTINE, null, AFTERNOON))).body());
    }

    @Test
    void aWindowAcrossMidnightNamesBothDays() {
        TimeWindow night = new TimeWindow(Instant.parse("2025-03-05T14:00:00Z"), Instant.parse("2025-03-05T17:00:00Z"));
        assertEquals("3月5日 22:00 至 3月6日 01:00", NotificationComposer.window(night, Language.ZH_CN));
    }

    @Test
    void anAcceptanceTellsTheSocialWorkerWhoTookTheNeed() {
        NotificationDraft draft = NotificationComposer.assignmentConfirmed(
                AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", "李明"));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.ASSIGNMENT_CONFIRMED, draft.kind());
        assertEquals("需求已有志愿者接单", zh(draft).title());
        assertEquals("志愿者李明已接受您发布的服务需求。", zh(draft).body());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "volunteerId", VOLUNTEER.toString()), draft.data());
    }

    @Test
    void anAcceptanceWithoutANameStillReads() {
        NotificationDraft draft = NotificationComposer.assignmentConfirmed(
                AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", null));
        assertEquals("一位志愿者已接受您发布的服务需求。", zh(draft).body());
        assertFalse(zh(draft).body().contains("null"));
    }

    @Test
    void anUnmatchedNeedTellsTheSocialWorkerWhyAndHowManyWereAsked() {
        NotificationDraft draft = NotificationComposer.needUnmatched(
                NeedUnmatched.of(NEED, "sw-zhang", "附近没有符合条件的志愿者", 7));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.NEED_UNMATCHED, draft.kind());
        assertEquals("需求未能匹配志愿者", zh(draft).title());
        assertEquals("您发布的服务需求未能匹配到志愿者（已邀请7位）。\n原因：附近没有符合条件的志愿者\n请跟进处理。", zh(draft).body());
        assertEquals(Map.of("needId", NEED.toString()), draft.data());
    }

    @Test
    void everyNotificationIsAlsoWrittenInEnglish() {
        NotificationDraft offer = NotificationComposer.offerReceived(offer(Urgency.URGENT, "Help with shopping",
                new TimeWindow(Instant.parse("2025-03-05T14:00:00Z"), Instant.parse("2025-03-05T17:00:00Z"))));
        assertEquals(new NotificationText("[Urgent] New volunteering offer: 助老陪伴",
                        "Help with shopping\nWhen: 5 Mar 22:00 to 6 Mar 01:00\n"
                                + "Please accept or decline by 5 Mar 13:30."),
                offer.text(Language.EN));
        assertEquals("Home visit", NotificationComposer.categoryLabel("home-visit", Language.EN));
        assertEquals(new NotificationText("A volunteer took your request",
                        "Volunteer Li Ming accepted the request you raised."),
                NotificationComposer.assignmentConfirmed(
                        AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", "Li Ming")).text(Language.EN));
        assertEquals(new NotificationText("No volunteer found for your request",
                        "No volunteer could be found for the request you raised (7 asked).\nReason: nobody nearby\n"
                                + "Please follow up."),
                NotificationComposer.needUnmatched(NeedUnmatched.of(NEED, "sw-zhang", "nobody nearby", 7))
                        .text(Language.EN));
    }
}
