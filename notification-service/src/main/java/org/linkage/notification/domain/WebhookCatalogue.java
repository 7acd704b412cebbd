package org.linkage.notification.domain;

import org.linkage.events.Topics;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.activity.AttendanceRecorded;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types integrators may subscribe to, by the topic they come on. Volunteer events are not offered: they
 * carry names and home locations, which no third party needs.
 */
public final class WebhookCatalogue {

    private static final Map<String, List<String>> BY_TOPIC = Map.of(
            Topics.ASSIGNMENT_EVENTS, List.of(AssignmentOffered.TYPE, AssignmentAccepted.TYPE, AssignmentDeclined.TYPE,
                    AssignmentExpired.TYPE, AssignmentWithdrawn.TYPE, AssignmentStoodDown.TYPE, NeedUnmatched.TYPE),
            Topics.ACTIVITY_EVENTS, List.of(ActivitySignUpConfirmed.TYPE, ActivitySignUpCancelled.TYPE,
                    ActivityCancelled.TYPE, AttendanceRecorded.TYPE));

    private static final Set<String> ALL = new TreeSet<>(BY_TOPIC.values().stream().flatMap(List::stream).toList());

    /** Every type integrators may subscribe to, sorted by name. */
    public static Set<String> all() {
        return ALL;
    }

    public static boolean offers(String eventType) {
        return ALL.contains(eventType);
    }

    public static List<String> onTopic(String topic) {
        return BY_TOPIC.getOrDefault(topic, List.of());
    }

    private WebhookCatalogue() {
    }
}
