package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.ACCEPT;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.DECLINE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.EXPIRE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.RELEASE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.STAND_DOWN;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.WITHDRAW;
import static org.linkage.matching.domain.AssignmentStatus.ACCEPTED;
import static org.linkage.matching.domain.AssignmentStatus.DECLINED;
import static org.linkage.matching.domain.AssignmentStatus.EXPIRED;
import static org.linkage.matching.domain.AssignmentStatus.OFFERED;
import static org.linkage.matching.domain.AssignmentStatus.RELEASED;
import static org.linkage.matching.domain.AssignmentStatus.STOOD_DOWN;
import static org.linkage.matching.domain.AssignmentStatus.WITHDRAWN;

class AssignmentStateMachineTest {

    @Test
    void anOfferCanBeAcceptedOrDeclined() {
        assertEquals(Optional.of(ACCEPTED), AssignmentStateMachine.next(OFFERED, ACCEPT));
        assertEquals(Optional.of(DECLINED), AssignmentStateMachine.next(OFFERED, DECLINE));
    }

    @Test
    void anOfferCanExpireBeWithdrawnOrBeStoodDown() {
        assertEquals(Optional.of(EXPIRED), AssignmentStateMachine.next(OFFERED, EXPIRE));
        assertEquals(Optional.of(WITHDRAWN), AssignmentStateMachine.next(OFFERED, WITHDRAW));
        assertEquals(Optional.of(STOOD_DOWN), AssignmentStateMachine.next(OFFERED, STAND_DOWN));
    }

    @Test
    void onlyTheVolunteersOwnAnswersAreAnswers() {
        assertTrue(AssignmentStateMachine.isAnswer(ACCEPT));
        assertTrue(AssignmentStateMachine.isAnswer(DECLINE));
        assertFalse(AssignmentStateMachine.isAnswer(EXPIRE));
        assertFalse(AssignmentStateMachine.isAnswer(WITHDRAW));
        assertFalse(AssignmentStateMachine.isAnswer(STAND_DOWN));
    }

    @Test
    void anAcceptedAssignmentCanOnlyBeReleasedWhenItsNeedIsCancelled() {
        for (AssignmentStateMachine.Trigger trigger : AssignmentStateMachine.Trigger.values()) {
            assertEquals(trigger == RELEASE ? Optional.of(RELEASED) : Optional.empty(),
                    AssignmentStateMachine.next(ACCEPTED, trigger), trigger.toString());
        }
        assertEquals(Optional.empty(), AssignmentStateMachine.next(OFFERED, RELEASE));
    }

    @Test
    void aClosedAssignmentCannotMoveAgain() {
        for (AssignmentStatus closed : AssignmentStatus.values()) {
            if (closed == OFFERED || closed == ACCEPTED) {
                continue;
            }
            for (AssignmentStateMachine.Trigger trigger : AssignmentStateMachine.Trigger.values()) {
                assertEquals(Optional.empty(), AssignmentStateMachine.next(closed, trigger),
                        closed + " " + trigger);
            }
        }
    }

    @Test
    void onlyOffersAndAcceptedAssignmentsHoldAPlace() {
        assertTrue(OFFERED.holdsAPlace());
        assertTrue(ACCEPTED.holdsAPlace());
        assertFalse(DECLINED.holdsAPlace());
        assertFalse(EXPIRED.holdsAPlace());
        assertFalse(WITHDRAWN.holdsAPlace());
        assertFalse(STOOD_DOWN.holdsAPlace());
        assertFalse(RELEASED.holdsAPlace());
    }
}
