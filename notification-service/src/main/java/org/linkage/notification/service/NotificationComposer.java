package org.linkage.notification.service;

import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an event into the notification a person reads: in Simplified Chinese, the default language, with times
 * in the district's local time. Per-person language and time zone come with notification preferences.
 */
public final class NotificationComposer {

    static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** To the volunteer: what, when, and until when to answer; data carries what accept/decline need. */
    public static NotificationDraft offerReceived(AssignmentOffered offer) {
        StringBuilder body = new StringBuilder();
        if (offer.summary() != null && !offer.summary().isBlank()) {
            body.append(offer.summary().strip()).append('\n');
        }
        body.append("时间：").append(window(offer.window())).append('\n')
                .append("请在").append(dayAndTime(offer.expiresAt())).append("前接受或谢绝。");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", offer.needId().toString());
        data.put("assignmentId", offer.assignmentId().toString());
        data.put("expiresAt", offer.expiresAt().toString());
        data.put("category", offer.category());
        data.put("urgency", offer.urgency().name());
        return new NotificationDraft(offer.volunteerId().toString(), NotificationKind.OFFER_RECEIVED,
                urgencyMark(offer.urgency()) + "新的服务邀请：" + categoryLabel(offer.category()), body.toString(), data);
    }

    /** To the social worker who raised the need: who took it. */
    public static NotificationDraft assignmentConfirmed(AssignmentAccepted accepted) {
        String volunteer = accepted.volunteerName() == null || accepted.volunteerName().isBlank()
                ? "一位志愿者" : "志愿者" + accepted.volunteerName().strip();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", accepted.needId().toString());
        data.put("assignmentId", accepted.assignmentId().toString());
        data.put("volunteerId", accepted.volunteerId().toString());
        return new NotificationDraft(accepted.requestedBy(), NotificationKind.ASSIGNMENT_CONFIRMED,
                "需求已有志愿者接单", volunteer + "已接受您发布的服务需求。", data);
    }

    /** To the social worker who raised the need: nobody could take it, they must step in. */
    public static NotificationDraft needUnmatched(NeedUnmatched unmatched) {
        String body = "您发布的服务需求未能匹配到志愿者（已邀请" + unmatched.candidatesTried() + "位）。\n原因："
                + unmatched.reason().strip() + "\n请跟进处理。";
        return new NotificationDraft(unmatched.requestedBy(), NotificationKind.NEED_UNMATCHED,
                "需求未能匹配志愿者", body, Map.of("needId", unmatched.needId().toString()));
    }

    /** The category as people say it; a code this version does not know yet is shown as it came. */
    static String categoryLabel(String category) {
        return CATEGORY_LABELS.getOrDefault(category, category);
    }

    private static final Map<String, String> CATEGORY_LABELS = Map.of(
            "home-visit", "上门探访",
            "tutoring", "课业辅导",
            "companionship", "陪伴",
            "repairs", "维修",
            "haircut", "理发",
            "clinic", "义诊",
            "first-aid-emergency", "急救",
            "one-to-one-pairing", "一对一结对",
            "errand", "代办跑腿");

    private static String urgencyMark(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> "";
            case URGENT -> "【紧急】";
            case EMERGENCY -> "【紧急救助】";
        };
    }

    /** "3月5日 14:00–16:00", or both days in full when the window crosses midnight. */
    static String window(TimeWindow window) {
        ZonedDateTime start = window.start().atZone(DISTRICT_TIME);
        ZonedDateTime end = window.end().atZone(DISTRICT_TIME);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return DAY_AND_TIME.format(start) + "–" + TIME.format(end);
        }
        return DAY_AND_TIME.format(start) + " 至 " + DAY_AND_TIME.format(end);
    }

    private static String dayAndTime(Instant instant) {
        return DAY_AND_TIME.format(instant.atZone(DISTRICT_TIME));
    }

    private NotificationComposer() {
    }
}
