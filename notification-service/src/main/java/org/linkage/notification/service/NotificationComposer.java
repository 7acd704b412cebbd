package org.linkage.notification.service;

import org.linkage.events.TimeWindow;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.events.need.Urgency;
import org.linkage.events.pairing.PairingPaused;
import org.linkage.events.pairing.PairingReviewDue;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.notification.domain.ActivityReminder;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.ReminderLead;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an event into what to tell whom: the values its templates show and the data the app acts on. The words are
 * in the templates (see {@link NotificationTemplates}).
 */
public final class NotificationComposer {

    /**
     * To the person staff registered: the invitation code and how long it is valid, for the SMS template only (the
     * title and body never show the code).
     */
    public static NotificationDraft invitation(InvitationIssued invitation, java.time.Instant now) {
        long hours = Math.max(1, java.time.Duration.between(now, invitation.expiresAt()).toHours());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("invitationId", invitation.invitationId().toString());
        data.put("code", invitation.code());
        data.put("validHours", Long.toString(hours));
        return new NotificationDraft(invitation.volunteerId().toString(), NotificationKind.INVITATION,
                values("validHours", hours), data, false);
    }

    /** To the volunteer: what, when, where roughly, until when to answer, and the app's links to answer. */
    public static NotificationDraft offerReceived(AssignmentOffered offer) {
        String accept = "linkage://assignments/" + offer.assignmentId() + "/accept";
        String decline = "linkage://assignments/" + offer.assignmentId() + "/decline";
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", offer.needId().toString());
        data.put("assignmentId", offer.assignmentId().toString());
        data.put("expiresAt", offer.expiresAt().toString());
        data.put("category", offer.category());
        data.put("urgency", offer.urgency().name());
        data.put("acceptLink", accept);
        data.put("declineLink", decline);
        return new NotificationDraft(offer.volunteerId().toString(), NotificationKind.OFFER_RECEIVED, values(
                "summary", blankToNull(offer.summary()), "category", offer.category(), "urgency", offer.urgency(),
                "window", offer.window(), "area", offer.area(), "expiresAt", offer.expiresAt(),
                "acceptLink", accept, "declineLink", decline), data, offer.urgency() == Urgency.EMERGENCY);
    }

    /**
     * To the social worker who raised the need: that it was taken, and by whom as an id in the data (the app shows
     * the name from volunteer-service; events carry no names, so notification-service knows none).
     */
    public static NotificationDraft assignmentConfirmed(AssignmentAccepted accepted) {
        return new NotificationDraft(accepted.requestedBy(), NotificationKind.ASSIGNMENT_CONFIRMED, Map.of(),
                assignmentData(accepted.needId(), accepted.assignmentId(), accepted.volunteerId()), false);
    }

    /** To the social worker who raised the need: a volunteer offered themselves for it, to confirm or refuse. */
    public static NotificationDraft volunteerOffered(AssignmentProposed proposed) {
        return new NotificationDraft(proposed.requestedBy(), NotificationKind.VOLUNTEER_OFFERED, Map.of(),
                assignmentData(proposed.needId(), proposed.assignmentId(), proposed.volunteerId()), false);
    }

    /** To the social worker who raised the need: the volunteer took back their own offer before it was confirmed. */
    public static NotificationDraft volunteerOfferWithdrawn(AssignmentWithdrawn withdrawn) {
        return new NotificationDraft(withdrawn.requestedBy(), NotificationKind.VOLUNTEER_OFFER_WITHDRAWN, Map.of(),
                assignmentData(withdrawn.needId(), withdrawn.assignmentId(), withdrawn.volunteerId()), false);
    }

    /** What the social worker's app opens: the need, the assignment and (by id only) the volunteer. */
    private static Map<String, String> assignmentData(UUID needId, UUID assignmentId, UUID volunteerId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", needId.toString());
        data.put("assignmentId", assignmentId.toString());
        data.put("volunteerId", volunteerId.toString());
        return data;
    }

    /** To the social worker who raised the need: nobody could take it, they must step in. */
    public static NotificationDraft needUnmatched(NeedUnmatched unmatched) {
        return new NotificationDraft(unmatched.requestedBy(), NotificationKind.NEED_UNMATCHED,
                values("reason", unmatched.reason().strip(), "candidatesTried", unmatched.candidatesTried()),
                Map.of("needId", unmatched.needId().toString()), false);
    }

    /**
     * To the volunteer whose open offer (or own offer, lapsed) closed without their answer. A stand-down bypasses
     * quiet hours: an emergency responder on the way must learn at once that someone else is already there.
     */
    public static NotificationDraft offerClosed(NotificationKind kind, UUID assignmentId, UUID needId,
                                                UUID volunteerId) {
        if (kind != NotificationKind.OFFER_EXPIRED && kind != NotificationKind.OFFER_WITHDRAWN
                && kind != NotificationKind.STOOD_DOWN && kind != NotificationKind.VOLUNTEER_OFFER_LAPSED) {
            throw new IllegalArgumentException(kind + " is not a closed offer");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("needId", needId.toString());
        data.put("assignmentId", assignmentId.toString());
        return new NotificationDraft(volunteerId.toString(), kind, Map.of(), data,
                kind == NotificationKind.STOOD_DOWN);
    }

    /** To the volunteer who now holds a place, at once or promoted from the waitlist. */
    public static NotificationDraft signUpConfirmed(ActivitySignUpConfirmed confirmed) {
        return new NotificationDraft(confirmed.volunteerId().toString(), NotificationKind.SIGN_UP_CONFIRMED,
                values("title", confirmed.title(), "stationName", confirmed.stationName(),
                        "window", new TimeWindow(confirmed.startsAt(), confirmed.endsAt()),
                        "promoted", confirmed.promotedFromWaitlist()),
                activityData(confirmed.activityId(), confirmed.signUpId()), false);
    }

    /** To the volunteer, the day or the hour before the activity. */
    public static NotificationDraft reminder(ActivityReminder reminder) {
        return new NotificationDraft(reminder.volunteerId, NotificationKind.ACTIVITY_REMINDER,
                values("title", reminder.title, "stationName", reminder.stationName,
                        "window", new TimeWindow(reminder.startsAt, reminder.endsAt),
                        "dayBefore", reminder.lead == ReminderLead.DAY_BEFORE),
                activityData(reminder.activityId, reminder.signUpId), false);
    }

    /** To a volunteer who held a place at the cancelled activity. */
    public static NotificationDraft activityCancelled(ActivityCancelled cancelled, UUID volunteerId) {
        return new NotificationDraft(volunteerId.toString(), NotificationKind.ACTIVITY_CANCELLED,
                values("title", cancelled.title(), "reason", blankToNull(cancelled.reason())),
                Map.of("activityId", cancelled.activityId().toString()), false);
    }

    /** To the volunteer whose certification expires soon, or has expired. */
    public static NotificationDraft certification(NotificationKind kind, UUID volunteerId, UUID certificationId,
                                                  String certificationType, LocalDate expiresOn) {
        if (kind != NotificationKind.CERTIFICATION_EXPIRING && kind != NotificationKind.CERTIFICATION_EXPIRED) {
            throw new IllegalArgumentException(kind + " is not about a certification");
        }
        return new NotificationDraft(volunteerId.toString(), kind,
                values("certificationType", certificationType, "expiresOn", expiresOn),
                Map.of("certificationId", certificationId.toString(), "expiresOn", expiresOn.toString()), false);
    }

    public static NotificationDraft starLevelReached(StarLevelReached reached) {
        return new NotificationDraft(reached.volunteerId().toString(), NotificationKind.STAR_LEVEL_REACHED,
                values("starLevel", reached.starLevel(), "lifetimeHours", reached.lifetimeHours()),
                Map.of("starLevel", String.valueOf(reached.starLevel())), false);
    }

    /** A negative entry is a correction and says so. */
    public static NotificationDraft hoursCredited(HoursCredited credited) {
        return new NotificationDraft(credited.volunteerId().toString(), NotificationKind.HOURS_CREDITED,
                values("hours", credited.hours().abs(), "lifetimeHours", credited.lifetimeHours(),
                        "serviceDate", credited.serviceDate(),
                        "correction", credited.hours().signum() < 0 || "CORRECTION".equals(credited.source()),
                        "taken", credited.hours().signum() < 0),
                Map.of("entryId", credited.entryId().toString(), "hours", credited.hours().toPlainString(),
                        "lifetimeHours", credited.lifetimeHours().toPlainString()), false);
    }

    /** To the child's responsible social worker: ids only, the app opens the pairing. */
    public static NotificationDraft pairingPaused(PairingPaused paused) {
        return new NotificationDraft(paused.socialWorkerId(), NotificationKind.PAIRING_PAUSED, Map.of(),
                Map.of("pairingId", paused.pairingId().toString()), false);
    }

    public static NotificationDraft pairingReviewDue(PairingReviewDue due) {
        return new NotificationDraft(due.socialWorkerId(), NotificationKind.PAIRING_REVIEW_DUE,
                values("reviewDueOn", due.reviewDueOn()),
                Map.of("pairingId", due.pairingId().toString(), "reviewDueOn", due.reviewDueOn().toString()), false);
    }

    private static Map<String, String> activityData(UUID activityId, UUID signUpId) {
        return Map.of("activityId", activityId.toString(), "signUpId", signUpId.toString());
    }

    /** Name, value, name, value...; values may be null, which templates treat as absent. */
    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private NotificationComposer() {
    }
}
