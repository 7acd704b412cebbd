package org.linkage.notification.service;

import io.quarkus.qute.TemplateData;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.Urgency;
import org.linkage.notification.domain.Language;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Values as people of one language read them, for the templates ({@code f} there): times in the district's local
 * time, category and certificate codes as words.
 */
@TemplateData
public final class LocalFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

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

    /** Volunteer-service's certificate catalogue (GET /api/v1/certification-types) as its seed has it. */
    private static final Map<String, Label> CERTIFICATION_LABELS = Map.of(
            "first-aid", new Label("红十字救护员证", "first-aid certificate"),
            "nursing", new Label("护士执业证书", "nursing licence"),
            "counselling-licence", new Label("心理咨询师证书", "counselling licence"),
            "social-worker", new Label("社会工作者证书", "social worker certificate"),
            "elder-care-worker", new Label("养老护理员证书", "elder-care worker certificate"),
            "driving-licence", new Label("机动车驾驶证", "driving licence"));

    private static final DateTimeFormatter ZH_DAY_AND_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter EN_DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Language language;
    private final ZoneId zone;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter date;

    private LocalFormat(Language language, ZoneId zone, DateTimeFormatter dayAndTime, DateTimeFormatter date) {
        this.language = language;
        this.zone = zone;
        this.dayAndTime = dayAndTime;
        this.date = date;
    }

    /** @param zone the district's time zone, which the times are shown in */
    public static LocalFormat of(Language language, ZoneId zone) {
        return language == Language.ZH_CN
                ? new LocalFormat(language, zone, ZH_DAY_AND_TIME, ZH_DATE)
                : new LocalFormat(language, zone, EN_DAY_AND_TIME, EN_DATE);
    }

    private boolean chinese() {
        return language == Language.ZH_CN;
    }

    /** "3月5日 14:00–16:00" / "5 Mar 14:00–16:00", or both days in full when the window crosses midnight. */
    public String window(TimeWindow window) {
        ZonedDateTime start = window.start().atZone(zone);
        ZonedDateTime end = window.end().atZone(zone);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return dayAndTime(window.start()) + "–" + TIME.format(end);
        }
        return dayAndTime(window.start()) + (chinese() ? " 至 " : " to ") + dayAndTime(window.end());
    }

    public String dayAndTime(Instant instant) {
        return dayAndTime.format(instant.atZone(zone));
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** The category as people say it; a code this version does not know yet is shown as it came. */
    public String category(String category) {
        Label label = CATEGORY_LABELS.get(category);
        return label == null ? category : chinese() ? label.zhCn() : label.en();
    }

    /** The certificate as its holder calls it; a code this version does not know yet is shown as it came. */
    public String certification(String type) {
        Label label = CERTIFICATION_LABELS.get(type);
        return label == null ? type : chinese() ? label.zhCn() : label.en();
    }

    /** What goes before an offer's title: nothing for a routine one. */
    public String urgencyMark(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> "";
            case URGENT -> chinese() ? "【紧急】" : "[Urgent] ";
            case EMERGENCY -> chinese() ? "【紧急救助】" : "[Emergency] ";
        };
    }

    /** A coarse place (about 1 km) as latitude and longitude. */
    public String area(GeoPoint area) {
        String latitude = String.format(Locale.ROOT, "%.2f°", Math.abs(area.latitude()));
        String longitude = String.format(Locale.ROOT, "%.2f°", Math.abs(area.longitude()));
        if (chinese()) {
            return (area.latitude() >= 0 ? "北纬" : "南纬") + latitude + "，" + (area.longitude() >= 0 ? "东经" : "西经")
                    + longitude + "附近";
        }
        return "near " + latitude + (area.latitude() >= 0 ? " N, " : " S, ") + longitude
                + (area.longitude() >= 0 ? " E" : " W");
    }

    /** "2.5", "100": no trailing zeros. */
    public String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private record Label(String zhCn, String en) {
    }
}
