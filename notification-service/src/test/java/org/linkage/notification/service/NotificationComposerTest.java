package org.linkage.notification.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.notification.domain.ActivityReminder;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.ReminderLead;
import org.linkage.testing.InfrastructureTestResource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the composer takes from each event, written by the Qute templates in both languages. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NotificationComposerTest {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final UUID ASSIGNMENT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID NEED = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID VOLUNTEER = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID ACTIVITY = UUID.fromString("00000000-0000-4000-8000-000000000004");
    private static final UUID SIGN_UP = UUID.fromString("00000000-0000-4000-8000-000000000005");
    private static final String LINKS = "\n接受：linkage://assignments/" + ASSIGNMENT + "/accept"
            + "\n谢绝：linkage://assignments/" + ASSIGNMENT + "/decline";

    /** 14:00-16:00 on 5 March in Shanghai (UTC+8). */
    private static final TimeWindow AFTERNOON = new TimeWindow(Instant.parse("2025-03-05T06:00:00Z"),
            Instant.parse("2025-03-05T08:00:00Z"));
    private static final TimeWindow NIGHT = new TimeWindow(Instant.parse("2025-03-05T14:00:00Z"),
            Instant.parse("2025-03-05T17:00:00Z"));

    @Inject
    NotificationTemplates templates;

    private static AssignmentOffered offer(Urgency urgency, String summary, TimeWindow window) {
        return AssignmentOffered.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang", "助老陪伴", urgency, window,
                new GeoPoint(31.2304, 121.4737), summary, Instant.parse("2025-03-05T05:30:00Z"));
    }

    private NotificationText zh(NotificationDraft draft) {
        return templates.render(draft, Language.ZH_CN);
    }

    private NotificationText en(NotificationDraft draft) {
        return templates.render(draft, Language.EN);
    }

    @Test
    void everyKindHasATemplateInEveryLanguage() {
        for (NotificationKind kind : NotificationKind.values()) {
            for (Language language : Language.values()) {
                assertNotNull(templates.template(kind, language), kind + " " + language);
            }
        }
    }

    @Test
    void aClosedOfferTellsTheVolunteerWhyAndAStandDownIgnoresQuietHours() {
        NotificationDraft stoodDown = NotificationComposer.offerClosed(NotificationKind.STOOD_DOWN, ASSIGNMENT, NEED,
                VOLUNTEER);
        assertEquals(VOLUNTEER.toString(), stoodDown.recipient());
        assertEquals(new NotificationText("无需前往", "已有其他志愿者接下该需求，您无需前往。谢谢您！"), zh(stoodDown));
        assertEquals("Stand down", en(stoodDown).title());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString()), stoodDown.data());
        assertTrue(stoodDown.emergency());

        NotificationDraft expired = NotificationComposer.offerClosed(NotificationKind.OFFER_EXPIRED, ASSIGNMENT, NEED,
                VOLUNTEER);
        assertEquals("服务邀请已过期", zh(expired).title());
        assertFalse(expired.emergency());
        assertEquals("Offer withdrawn", en(NotificationComposer.offerClosed(NotificationKind.OFFER_WITHDRAWN,
                ASSIGNMENT, NEED, VOLUNTEER)).title());
        assertThrows(IllegalArgumentException.class, () -> NotificationComposer.offerClosed(
                NotificationKind.OFFER_RECEIVED, ASSIGNMENT, NEED, VOLUNTEER));
    }

    @Test
    void categoryCodesAreShownAsPeopleSayThemAndUnknownOnesAsTheyCame() {
        NotificationDraft visit = NotificationComposer.offerReceived(AssignmentOffered.of(ASSIGNMENT, NEED, VOLUNTEER,
                "sw-zhang", "home-visit", Urgency.ROUTINE, AFTERNOON, null, null, Instant.parse("2025-03-05T05:30:00Z")));
        assertEquals("新的服务邀请：上门探访", zh(visit).title());
        assertEquals("home-visit", visit.data().get("category"));
        assertEquals("snow-clearing", LocalFormat.of(Language.EN, DISTRICT).category("snow-clearing"));
        assertEquals("Home visit", LocalFormat.of(Language.EN, DISTRICT).category("home-visit"));
    }

    @Test
    void anOfferGoesToTheVolunteerWithSummaryTimePlaceAndTheLinksToAnswer() {
        NotificationDraft draft = NotificationComposer.offerReceived(offer(Urgency.ROUTINE, "陪同老人去社区医院复诊", AFTERNOON));

        assertEquals(VOLUNTEER.toString(), draft.recipient());
        assertEquals(NotificationKind.OFFER_RECEIVED, draft.kind());
        assertEquals("新的服务邀请：助老陪伴", zh(draft).title());
        assertEquals("陪同老人去社区医院复诊\n时间：3月5日 14:00–16:00\n地点：北纬31.23°，东经121.47°附近\n"
                + "请在3月5日 13:30前接受或谢绝。" + LINKS, zh(draft).body());
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "expiresAt", "2025-03-05T05:30:00Z", "category", "助老陪伴", "urgency", "ROUTINE",
                "acceptLink", "linkage://assignments/" + ASSIGNMENT + "/accept",
                "declineLink", "linkage://assignments/" + ASSIGNMENT + "/decline"), draft.data());
    }

    @Test
    void urgentAndEmergencyOffersSaySoInTheTitle() {
        assertEquals("【紧急】新的服务邀请：助老陪伴", zh(NotificationComposer.offerReceived(offer(Urgency.URGENT, "x", AFTERNOON))).title());
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
    void anOfferWithoutSummaryOrPlaceStartsWithTheTime() {
        NotificationDraft noPlace = NotificationComposer.offerReceived(AssignmentOffered.of(ASSIGNMENT, NEED,
                VOLUNTEER, "sw-zhang", "助老陪伴", Urgency.ROUTINE, AFTERNOON, null, " ",
                Instant.parse("2025-03-05T05:30:00Z")));
        assertEquals("时间：3月5日 14:00–16:00\n请在3月5日 13:30前接受或谢绝。" + LINKS, zh(noPlace).body());
        String withPlace = zh(NotificationComposer.offerReceived(offer(Urgency.ROUTINE, null, AFTERNOON))).body();
        assertTrue(withPlace.startsWith("时间：3月5日 14:00–16:00\n地点："), withPlace);
    }

    @Test
    void aWindowAcrossMidnightNamesBothDays() {
        assertEquals("3月5日 22:00 至 3月6日 01:00", LocalFormat.of(Language.ZH_CN, DISTRICT).window(NIGHT));
        assertEquals("5 Mar 22:00 to 6 Mar 01:00", LocalFormat.of(Language.EN, DISTRICT).window(NIGHT));
    }

    @Test
    void anAcceptanceTellsTheSocialWorkerWhoTookTheNeed() {
        NotificationDraft draft = NotificationComposer.assignmentConfirmed(
                AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang"));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.ASSIGNMENT_CONFIRMED, draft.kind());
        assertEquals(new NotificationText("需求已有志愿者接单", "一位志愿者已接受您发布的服务需求。"), zh(draft));
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "volunteerId", VOLUNTEER.toString()), draft.data());
    }

    @Test
    void aVolunteersOfferOfThemselvesAsksTheSocialWorkerToConfirmIt() {
        NotificationDraft draft = NotificationComposer.volunteerOffered(
                AssignmentProposed.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang"));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.VOLUNTEER_OFFERED, draft.kind());
        assertEquals(new NotificationText("有志愿者主动报名", "一位志愿者主动报名了您发布的服务需求，请确认或婉拒。"), zh(draft));
        assertEquals(new NotificationText("A volunteer offered to help",
                "A volunteer offered themselves for a request you raised. Please confirm or decline their offer."),
                en(draft));
        assertEquals(Map.of("needId", NEED.toString(), "assignmentId", ASSIGNMENT.toString(),
                "volunteerId", VOLUNTEER.toString()), draft.data());
    }

    @Test
    void anOldAcceptanceThatStillCarriesANameIsToldWithoutIt() {
        AssignmentAccepted old = org.linkage.events.EventJson.read("""
                {"eventId": "%s", "eventType": "AssignmentAccepted", "schemaVersion": 1, "aggregateType": "Need",
                 "aggregateId": "%s", "payload": {"assignmentId": "%s", "needId": "%s", "volunteerId": "%s",
                 "requestedBy": "sw-zhang", "volunteerName": "李明"}}""".formatted(UUID.randomUUID(), NEED,
                ASSIGNMENT, NEED, VOLUNTEER)).payloadAs(AssignmentAccepted.class);
        NotificationDraft draft = NotificationComposer.assignmentConfirmed(old);
        assertEquals("一位志愿者已接受您发布的服务需求。", zh(draft).body());
        assertEquals("A volunteer accepted the request you raised.", en(draft).body());
        assertFalse(draft.toString().contains("李明"), draft.toString());
    }

    @Test
    void anUnmatchedNeedTellsTheSocialWorkerWhyAndHowManyWereAsked() {
        NotificationDraft draft = NotificationComposer.needUnmatched(
                NeedUnmatched.of(NEED, "sw-zhang", "附近没有符合条件的志愿者", 7));

        assertEquals("sw-zhang", draft.recipient());
        assertEquals(NotificationKind.NEED_UNMATCHED, draft.kind());
        assertEquals(new NotificationText("需求未能匹配志愿者",
                "您发布的服务需求未能匹配到志愿者（已邀请7位）。\n原因：附近没有符合条件的志愿者\n请跟进处理。"), zh(draft));
        assertEquals(Map.of("needId", NEED.toString()), draft.data());
    }

    @Test
    void everyNotificationIsAlsoWrittenInEnglish() {
        NotificationDraft offer = NotificationComposer.offerReceived(offer(Urgency.URGENT, "Help with shopping", NIGHT));
        assertEquals(new NotificationText("[Urgent] New volunteering offer: 助老陪伴",
                        "Help with shopping\nWhen: 5 Mar 22:00 to 6 Mar 01:00\nWhere: near 31.23° N, 121.47° E\n"
                                + "Please accept or decline by 5 Mar 13:30.\n"
                                + "Accept: linkage://assignments/" + ASSIGNMENT + "/accept\n"
                                + "Decline: linkage://assignments/" + ASSIGNMENT + "/decline"),
                en(offer));
        assertEquals(new NotificationText("A volunteer took your request",
                        "A volunteer accepted the request you raised."),
                en(NotificationComposer.assignmentConfirmed(
                        AssignmentAccepted.of(ASSIGNMENT, NEED, VOLUNTEER, "sw-zhang"))));
        assertEquals(new NotificationText("No volunteer found for your request",
                        "No volunteer could be found for the request you raised (7 asked).\nReason: nobody nearby\n"
                                + "Please follow up."),
                en(NotificationComposer.needUnmatched(NeedUnmatched.of(NEED, "sw-zhang", "nobody nearby", 7))));
    }

    @Test
    void aSignUpSaysWhenAndWhereAndWhetherItCameOffTheWaitlist() {
        ActivitySignUpConfirmed signUp = ActivitySignUpConfirmed.of(ACTIVITY, SIGN_UP, VOLUNTEER, "义诊日",
                "社区卫生服务中心", AFTERNOON.start(), AFTERNOON.end(), false);
        NotificationDraft draft = NotificationComposer.signUpConfirmed(signUp);
        assertEquals(VOLUNTEER.toString(), draft.recipient());
        assertEquals(new NotificationText("报名成功：义诊日",
                "时间：3月5日 14:00–16:00\n地点：社区卫生服务中心\n我们会在活动前一天和前一小时提醒您。"), zh(draft));
        assertEquals(Map.of("activityId", ACTIVITY.toString(), "signUpId", SIGN_UP.toString()), draft.data());

        NotificationDraft promoted = NotificationComposer.signUpConfirmed(ActivitySignUpConfirmed.of(ACTIVITY, SIGN_UP,
                VOLUNTEER, "义诊日", "社区卫生服务中心", AFTERNOON.start(), AFTERNOON.end(), true));
        assertEquals("候补成功：义诊日", zh(promoted).title());
        assertTrue(zh(promoted).body().startsWith("有名额空出，您已从候补转为正式报名。\n时间："), zh(promoted).body());
        assertEquals("Off the waitlist: 义诊日", en(promoted).title());
    }

    @Test
    void remindersSayTomorrowOrInAnHour() {
        ActivityReminder reminder = new ActivityReminder();
        reminder.id = ActivityReminder.idOf(SIGN_UP, ReminderLead.DAY_BEFORE);
        reminder.signUpId = SIGN_UP;
        reminder.activityId = ACTIVITY;
        reminder.volunteerId = VOLUNTEER.toString();
        reminder.lead = ReminderLead.DAY_BEFORE;
        reminder.title = "理发日";
        reminder.stationName = "幸福里社区服务站";
        reminder.startsAt = AFTERNOON.start();
        reminder.endsAt = AFTERNOON.end();
        assertEquals("明天有活动：理发日", zh(NotificationComposer.reminder(reminder)).title());
        assertTrue(zh(NotificationComposer.reminder(reminder)).body().startsWith("时间：3月5日 14:00–16:00\n地点：幸福里社区服务站"));
        reminder.lead = ReminderLead.HOUR_BEFORE;
        assertEquals("一小时后有活动：理发日", zh(NotificationComposer.reminder(reminder)).title());
        assertEquals("In an hour: 理发日", en(NotificationComposer.reminder(reminder)).title());
    }

    @Test
    void aCancelledActivityTellsEachVolunteerWhy() {
        ActivityCancelled cancelled = ActivityCancelled.of(ACTIVITY, "理发日", "理发师生病", List.of(VOLUNTEER));
        assertEquals(new NotificationText("活动取消：理发日", "很抱歉，该活动已取消，您无需前往。\n原因：理发师生病"),
                zh(NotificationComposer.activityCancelled(cancelled, VOLUNTEER)));
        assertEquals("Sorry, this activity has been cancelled; you need not come.", en(NotificationComposer
                .activityCancelled(ActivityCancelled.of(ACTIVITY, "Haircut day", null, List.of()), VOLUNTEER)).body());
    }

    @Test
    void certificationsHoursAndStarsAreToldToTheVolunteer() {
        UUID certification = UUID.randomUUID();
        assertEquals(new NotificationText("证书即将到期：红十字救护员证",
                        "您的红十字救护员证自2025年4月1日起失效。请及时续期，以免影响需要该证书的服务。"),
                zh(NotificationComposer.certification(NotificationKind.CERTIFICATION_EXPIRING, VOLUNTEER,
                        certification, "first-aid", LocalDate.of(2025, 4, 1))));
        assertEquals("Certificate expired: first-aid certificate", en(NotificationComposer.certification(
                NotificationKind.CERTIFICATION_EXPIRED, VOLUNTEER, certification, "first-aid",
                LocalDate.of(2025, 4, 1))).title());
        // A certificate type added to the catalogue after this version is still told, by its code.
        assertEquals("证书已过期：diving-licence", zh(NotificationComposer.certification(
                NotificationKind.CERTIFICATION_EXPIRED, VOLUNTEER, certification, "diving-licence",
                LocalDate.of(2025, 4, 1))).title());
        assertThrows(IllegalArgumentException.class, () -> NotificationComposer.certification(
                NotificationKind.STOOD_DOWN, VOLUNTEER, certification, "first-aid", LocalDate.of(2025, 4, 1)));

        assertEquals(new NotificationText("恭喜您成为2星志愿者！", "您的累计服务时长已达300.5小时。感谢您的付出！"),
                zh(NotificationComposer.starLevelReached(StarLevelReached.of(VOLUNTEER, 2, new BigDecimal("300.50")))));

        HoursCredited credited = HoursCredited.of(VOLUNTEER, UUID.randomUUID(), "ACTIVITY", ACTIVITY,
                LocalDate.of(2025, 3, 5), new BigDecimal("2.50"), new BigDecimal("102.50"));
        assertEquals(new NotificationText("服务时长已记录", "您2025年3月5日的服务记入2.5小时，累计102.5小时。"),
                zh(NotificationComposer.hoursCredited(credited)));
        HoursCredited corrected = HoursCredited.of(VOLUNTEER, UUID.randomUUID(), "CORRECTION", ACTIVITY,
                LocalDate.of(2025, 3, 5), new BigDecimal("-1.0"), new BigDecimal("101.5"));
        assertEquals(new NotificationText("Service hours corrected",
                        "1 hours taken from your service on 5 Mar 2025; 101.5 hours in all."),
                en(NotificationComposer.hoursCredited(corrected)));
    }
}
