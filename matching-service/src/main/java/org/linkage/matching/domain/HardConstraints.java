package org.linkage.matching.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules every volunteer offered a need must meet. The static ones (what the volunteer events say) are checked
 * on the candidates the index finds; the dynamic ones (what their assignments say) on the few that pass.
 */
public final class HardConstraints {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** Active, on duty for an emergency, the skill, every certification and course in date, available. */
    public static boolean staticFit(VolunteerProfile volunteer, Requirements need) {
        return qualified(volunteer, need)
                && (need.emergency() || volunteer.availability().covers(need.windowStart(), need.windowEnd()));
    }

    /** Every static constraint but availability: what is left to check when availability is known already. */
    public static boolean qualified(VolunteerProfile volunteer, Requirements need) {
        return volunteer.active() && volunteer.home() != null && (!need.emergency() || volunteer.onDuty())
                && need.admitsGroup(volunteer.groupType()) && lacking(volunteer, need) == null;
    }

    /**
     * The first of the need's skill, certifications (in date on the need's day) and courses the volunteer lacks,
     * as the need names it; null when they have all. Allocates nothing: it runs for every candidate the index finds.
     */
    public static String lacking(VolunteerProfile volunteer, Requirements need) {
        if (volunteer.skillLevel(need.skill()) == 0) {
            return need.skill();
        }
        LocalDate day = volunteer.availability().startDay(need.windowStart(), need.windowEnd());
        for (String certification : need.certifications()) {
            LocalDate noLongerCounts = volunteer.certifications().get(certification);
            if (noLongerCounts == null || !noLongerCounts.isAfter(day)) {
                return certification;
            }
        }
        for (String course : need.training()) {
            LocalDate lastDay = volunteer.training().get(course);
            if (lastDay == null || lastDay.isBefore(day)) {
                return course;
            }
        }
        return null;
    }

    /**
     * Not committed to an overlapping assignment; unless an emergency, under the fatigue cap and the weekly hours
     * cap. PostgreSQL's exclusion constraint still has the last word on overlaps when offers are accepted.
     */
    public static boolean dynamicFit(VolunteerProfile volunteer, VolunteerFacts facts, Requirements need,
                                     int weeklyOfferCap) {
        if (committedDuring(facts, need)) {
            return false;
        }
        if (need.emergency()) {
            return true;
        }
        return facts.recentOffers() < weeklyOfferCap
                && hoursThatWeek(volunteer, facts, need) + need.hours() <= hoursCap(volunteer);
    }

    /** Whether the volunteer holds an accepted assignment overlapping the need's window. */
    public static boolean committedDuring(VolunteerFacts facts, Requirements need) {
        for (VolunteerFacts.Commitment commitment : facts.commitments()) {
            if (commitment.start().isBefore(need.windowEnd()) && need.windowStart().isBefore(commitment.end())) {
                return true;
            }
        }
        return false;
    }

    /** How the reason naming the volunteer's group begins (a need open to some groups only). */
    public static final String GROUP_REASON = "in the volunteer group ";

    /** The constraints a fitting volunteer met, as a social worker reads them. */
    public static List<String> met(VolunteerProfile volunteer, VolunteerFacts facts, Requirements need,
                                   int distanceMetres, int weeklyOfferCap) {
        Availability availability = volunteer.availability();
        List<String> met = new ArrayList<>();
        met.add("active" + (need.emergency() ? " and on duty" : ""));
        if (!need.groups().isEmpty()) {
            met.add(GROUP_REASON + volunteer.groupType() + " the need is open to");
        }
        met.add("skill " + need.skill() + " at level " + volunteer.skillLevel(need.skill()));
        for (String certification : need.certifications()) {
            met.add("certification " + certification + " in date (counts until "
                    + volunteer.certifications().get(certification) + ")");
        }
        for (String course : need.training()) {
            LocalDate lastDay = volunteer.training().get(course);
            met.add("training " + course + (LocalDate.MAX.equals(lastDay) ? " completed" : " valid until " + lastDay));
        }
        met.add("within " + distanceMetres + " m of the need (radius " + need.radiusMetres() + " m)");
        met.add("no overlapping accepted assignment");
        if (!need.emergency()) {
            met.add(availability.weeklySlots() == null ? "no availability declared: available any time"
                    : "available " + LocalDateTime.ofInstant(need.windowStart(), availability.zone()).format(LOCAL)
                    + " – " + LocalDateTime.ofInstant(need.windowEnd(), availability.zone()).format(LOCAL) + " "
                    + availability.zone());
            met.add(facts.recentOffers() + " offers in the last 7 days, under the cap of " + weeklyOfferCap);
            if (availability.weeklyHoursCap() != null) {
                met.add("%.1f h this week with this need, within the cap of %d h".formatted(
                        hoursThatWeek(volunteer, facts, need) + need.hours(), availability.weeklyHoursCap()));
            }
        }
        return met;
    }

    private static double hoursThatWeek(VolunteerProfile volunteer, VolunteerFacts facts, Requirements need) {
        Availability availability = volunteer.availability();
        LocalDate week = availability.weekOf(need.windowStart());
        return facts.commitments().stream().filter(c -> availability.weekOf(c.start()).equals(week))
                .mapToDouble(VolunteerFacts.Commitment::hours).sum();
    }

    private static double hoursCap(VolunteerProfile volunteer) {
        Integer cap = volunteer.availability().weeklyHoursCap();
        return cap == null ? Double.MAX_VALUE : cap;
    }

    private HardConstraints() {
    }
}
