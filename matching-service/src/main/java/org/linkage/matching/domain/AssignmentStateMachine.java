package org.linkage.matching.domain;

import java.util.Map;
import java.util.Optional;

/** Which status an assignment moves to on which trigger; anything not listed here is refused. */
public final class AssignmentStateMachine {

    public enum Trigger {
        ACCEPT, DECLINE, EXPIRE, WITHDRAW, STAND_DOWN, RELEASE
    }

    private static final Map<AssignmentStatus, Map<Trigger, AssignmentStatus>> TRANSITIONS = Map.of(
            AssignmentStatus.OFFERED, Map.of(
                    Trigger.ACCEPT, AssignmentStatus.ACCEPTED,
                    Trigger.DECLINE, AssignmentStatus.DECLINED,
                    Trigger.EXPIRE, AssignmentStatus.EXPIRED,
                    Trigger.WITHDRAW, AssignmentStatus.WITHDRAWN,
                    Trigger.STAND_DOWN, AssignmentStatus.STOOD_DOWN),
            AssignmentStatus.ACCEPTED, Map.of(
                    Trigger.RELEASE, AssignmentStatus.RELEASED));

    /** @return the status after the trigger, or empty when the trigger is not allowed in the current status */
    public static Optional<AssignmentStatus> next(AssignmentStatus current, Trigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(current, Map.of()).get(trigger));
    }

    /** Whether the trigger is the volunteer's own answer, which records when they answered. */
    public static boolean isAnswer(Trigger trigger) {
        return trigger == Trigger.ACCEPT || trigger == Trigger.DECLINE;
    }

    private AssignmentStateMachine() {
    }
}
