package org.linkage.matching.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which status an assignment moves to on which trigger; anything not listed here is refused. */
public final class AssignmentStateMachine {

    public enum Trigger {
        ACCEPT, DECLINE, EXPIRE, WITHDRAW, STAND_DOWN, RELEASE,
        /** The social worker takes up a volunteer's own offer. */
        CONFIRM,
        /** The social worker does not take up a volunteer's own offer. */
        REFUSE
    }

    private static final Map<AssignmentStatus, Map<Trigger, AssignmentStatus>> TRANSITIONS = Map.of(
            AssignmentStatus.OFFERED, Map.of(
                    Trigger.ACCEPT, AssignmentStatus.ACCEPTED,
                    Trigger.DECLINE, AssignmentStatus.DECLINED,
                    Trigger.EXPIRE, AssignmentStatus.EXPIRED,
                    Trigger.WITHDRAW, AssignmentStatus.WITHDRAWN,
                    Trigger.STAND_DOWN, AssignmentStatus.STOOD_DOWN),
            AssignmentStatus.PROPOSED_BY_VOLUNTEER, Map.of(
                    Trigger.CONFIRM, AssignmentStatus.ACCEPTED,
                    Trigger.REFUSE, AssignmentStatus.REFUSED,
                    Trigger.EXPIRE, AssignmentStatus.EXPIRED,
                    Trigger.WITHDRAW, AssignmentStatus.WITHDRAWN,
                    Trigger.STAND_DOWN, AssignmentStatus.STOOD_DOWN),
            AssignmentStatus.ACCEPTED, Map.of(
                    Trigger.RELEASE, AssignmentStatus.RELEASED));

    /** @return the status after the trigger, or empty when the trigger is not allowed in the current status */
    public static Optional<AssignmentStatus> next(AssignmentStatus current, Trigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(current, Map.of()).get(trigger));
    }

    /** The statuses the trigger is allowed in, for telling a caller what the assignment should have been. */
    public static Set<AssignmentStatus> allowedIn(Trigger trigger) {
        Set<AssignmentStatus> from = EnumSet.noneOf(AssignmentStatus.class);
        TRANSITIONS.forEach((status, triggers) -> {
            if (triggers.containsKey(trigger)) {
                from.add(status);
            }
        });
        return from;
    }

    /** Whether the trigger is an answer to the offer (the volunteer's, or the social worker's to a volunteer's). */
    public static boolean isAnswer(Trigger trigger) {
        return trigger == Trigger.ACCEPT || trigger == Trigger.DECLINE || trigger == Trigger.CONFIRM
                || trigger == Trigger.REFUSE;
    }

    private AssignmentStateMachine() {
    }
}
