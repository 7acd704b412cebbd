package org.linkage.notification.service;

import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns an event into the notification a person reads, in every language (the recipient's preference picks one
 * when it is stored), with times in the district's local time.
 */
public final class NotificationComposer {

    static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ZH_DAY_AND_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter EN_DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private static final Map<String, Label> CATEGORY_LABELS = Map.of(
            "home-visit", new Label("上门探访", "Home visit"),
            "tutoring", new Label("课业辅导", "Tutoring"),
            "companionship", new Label("陪伴", "Companionship"),
            "repairs", new Label("维修", "Repairs"),
            "haircut", new Label("理发", "Haircut"),
            "clinic", new Label("义诊", "Free clinic"),
            "first-aid-emergency", new Label("急救", "First aid"),
            "one-to-one-pairing", new Label("一对一结对", "One-to-one pairing"),
            "errand", new Label("代办跑腿", "Errands"));

    /** To the volunteer: what, when, and until when to answer; data carries what accept/decline need. */
    public static NotificationDraft offerReceived(AssignmentOffered offer) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", offer.needId().toString());
        data.put("assignmentId", offer.assignmentId().toString());
        data.put("expiresAt", offer.expiresAt().toString());
        data.put("category", offer.category());
        data.put("urgency", offer.urgency().name());
        return new NotificationDraft(offer.volunteerId().toString(), NotificationKind.OFFER_RECEIVED,
                inEveryLanguage(language -> offerText(offer, language)), data, offer.urgency() == Urgency.EMERGENCY);
    }

    private static NotificationText offerText(AssignmentOffered offer, Language language) {
        StringBuilder body = new StringBuilder();
        if (offer.summary() != null && !offer.summary().isBlank()) {
            body.append(offer.summary().strip()).append('\n');
        }
        String window = window(offer.window(), language);
        String expiry = dayAndTime(offer.expiresAt(), language);
        String category = categoryLabel(offer.category(), language);
        return switch (language) {
            case ZH_CN -> new NotificationText(urgencyMark(offer.urgency(), language) + "新的服务邀请：" + category,
                    body.append("时间：").append(window).append('\n')
                            .append("请在").append(expiry).append("前接受或谢绝。").toString());
            case EN -> new NotificationText(urgencyMark(offer.urgency(), language) + "New volunteering offer: "
                    + category, body.append("When: ").append(window).append('\n')
                    .append("Please accept or decline by ").append(expiry).append('.').toString());
        };
    }

    /** To the social worker who raised the need: who took it. */
    public static NotificationDraft assignmentConfirmed(AssignmentAccepted accepted) {
        boolean named = accepted.volunteerName() != null && !accepted.volunteerName().isBlank();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", accepted.needId().toString());
        data.put("assignmentId", accepted.assignmentId().toString());
        data.put("volunteerId", accepted.volunteerId().toString());
        return new NotificationDraft(accepted.requestedBy(), NotificationKind.ASSIGNMENT_CONFIRMED,
                inEveryLanguage(language -> switch (language) {
                    case ZH_CN -> new NotificationText("需求已有志愿者接单",
                            (named ? "志愿者" + accepted.volunteerName().strip() : "一位志愿者") + "已接受您发布的服务需求。");
                    case EN -> new NotificationText("A volunteer took your request",
                            (named ? "Volunteer " + accepted.volunteerName().strip() : "A volunteer")
                                    + " accepted the request you raised.");
                }), data, false);
    }

    /** To the social worker who raised the need: nobody could take it, they must step in. */
    public static NotificationDraft needUnmatched(NeedUnmatched unmatched) {
        String reason = unmatched.reason().strip();
        return new NotificationDraft(unmatched.requestedBy(), NotificationKind.NEED_UNMATCHED,
                inEveryLanguage(language -> switch (language) {
                    case ZH_CN -> new NotificationText("需求未能匹配志愿者", "您发布的服务需求未能匹配到志愿者（已邀请"
                            + unmatched.candidatesTried() + "位）。\n原因：" + reason + "\n请跟进处理。");
                    case EN -> new NotificationText("No volunteer found for your request",
                            "No volunteer could be found for the request you raised (" + unmatched.candidatesTried()
                                    + " asked).\nReason: " + reason + "\nPlease follow up.");
                }), Map.of("needId", unmatched.needId().toString()), false);
    }

    private static Map<Language, NotificationText> inEveryLanguage(Function<Language, NotificationText> compose) {
        Map<Language, NotificationText> texts = new EnumMap<>(Language.class);
        Arrays.stream(Language.values()).forEach(language -> texts.put(language, compose.apply(language)));
        return texts;
    }

    /** The category as people say it; a code this version does not know yet is shown as it came. */
    static String categoryLabel(String category, Language language) {
        Label label = CATEGORY_LABELS.get(category);
        return label == null ? category : label.in(language);
    }

    private record Label(String zhCn, String en) {
        String in(Language language) {
            return switch (language) {
                case ZH_CN -> zhCn;
                case EN -> en;
            };
        }
    }

    private static String urgencyMark(Urgency urgency, Language language) {
        return switch (urgency) {
            case ROUTINE -> "";
            case URGENT -> language == Language.ZH_CN ? "【紧急】" : "[Urgent] ";
            case EMERGENCY -> language == Language.ZH_CN ? "【紧急救助】" : "[Emergency] ";
        };
    }

    /** "3月5日 14:00–16:00" / "5 Mar 14:00–16:00", or both days in full when the window crosses midnight. */
    static String window(TimeWindow window, Language language) {
        ZonedDateTime start = window.start().atZone(DISTRICT_TIME);
        ZonedDateTime end = window.end().atZone(DISTRICT_TIME);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return dayAndTime(window.start(), language) + "–" + TIME.format(end);
        }
        return dayAndTime(window.start(), language) + (language == Language.ZH_CN ? " 至 " : " to ")
                + dayAndTime(window.end(), language);
    }

    private static String dayAndTime(Instant instant, Language language) {
        DateTimeFormatter format = language == Language.ZH_CN ? ZH_DAY_AND_TIME : EN_DAY_AND_TIME;
        return format.format(instant.atZone(DISTRICT_TIME));
    }

    private NotificationComposer() {
    }
}
