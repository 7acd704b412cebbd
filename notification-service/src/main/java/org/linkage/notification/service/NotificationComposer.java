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
import java.util.UUID;
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

    /**
     * To the volunteer whose open offer closed without their answer. A stand-down bypasses quiet hours: an
     * emergency responder on the way must learn at once that someone else is already there.
     */
    public static NotificationDraft offerClosed(NotificationKind kind, UUID assignmentId, UUID needId,
                                                UUID volunteerId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", needId.toString());
        data.put("assignmentId", assignmentId.toString());
        return new NotificationDraft(volunteerId.toString(), kind, inEveryLanguage(language -> switch (kind) {
            case OFFER_EXPIRED -> language == Language.ZH_CN
                    ? new NotificationText("服务邀请已过期", "您未在期限内答复，该邀请已转给其他志愿者。")
                    : new NotificationText("Offer expired", "The offer was not answered in time and has gone to "
                    + "another volunteer.");
            case OFFER_WITHDRAWN -> language == Language.ZH_CN
                    ? new NotificationText("服务邀请已撤回", "社工已撤回该服务邀请，无需答复。")
                    : new NotificationText("Offer withdrawn", "The social worker withdrew the offer; no answer is "
                    + "needed.");
            case STOOD_DOWN -> language == Language.ZH_CN
                    ? new NotificationText("无需前往", "已有其他志愿者接下该需求，您无需前往。谢谢您！")
                    : new NotificationText("Stand down", "Another volunteer has taken this request; you need not "
                    + "go. Thank you!");
            default -> throw new IllegalArgumentException(kind + " is not a closed offer");
        }), data, kind == NotificationKind.STOOD_DOWN);
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
