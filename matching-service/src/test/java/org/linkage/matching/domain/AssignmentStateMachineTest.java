package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.ACCEPT;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.CONFIRM;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.DECLINE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.EXPIRE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.REFUSE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.RELEASE;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.STAND_DOWN;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.WITHDRAW;
import static org.linkage.matching.domain.AssignmentStatus.ACCEPTED;
import static org.linkage.matching.domain.AssignmentStatus.DECLINED;
import static org.linkage.matching.domain.AssignmentStatus.EXPIRED;
import static org.linkage.matching.domain.AssignmentStatus.OFFERED;
import static org.linkage.matching.domain.AssignmentStatus.PROPOSED_BY_VOLUNTEER;
import static org.linkage.matching.domain.AssignmentStatus.REFUSED;
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
    void expiriesWithdrawalsAndStandDownsAreNoAnswers() {
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
            if (closed == OFFERED || closed == ACCEPTED || closed == PROPOSED_BY_VOLUNTEER) {
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
        assertFalse(PROPOSED_BY_VOLUNTEER.holdsAPlace(), "the social worker has not taken it up yet");
        assertFalse(REFUSED.holdsAPlace());
    }

    @Test
    void aVolunteersOwnOfferIsConfirmedOrRefusedByTheSocialWorkerWithdrawnOrStoodDown() {
        assertEquals(Optional.of(ACCEPTED), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, CONFIRM));
        assertEquals(Optional.of(REFUSED), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, REFUSE));
        assertEquals(Optional.of(WITHDRAWN), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, WITHDRAW));
        assertEquals(Optional.of(STOOD_DOWN), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, STAND_DOWN));
    }

    @Test
    void aVolunteersOwnOfferIsNotAnsweredByThemButLapsesAndAnOfferIsNotConfirmed() {
        assertEquals(Optional.empty(), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, ACCEPT));
        assertEquals(Optional.empty(), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, DECLINE));
        assertEquals(Optional.of(EXPIRED), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, EXPIRE),
                "unconfirmed when the need begins");
        assertEquals(Optional.empty(), AssignmentStateMachine.next(PROPOSED_BY_VOLUNTEER, RELEASE));
        assertEquals(Optional.empty(), AssignmentStateMachine.next(OFFERED, CONFIRM));
        assertEquals(Optional.empty(), AssignmentStateMachine.next(OFFERED, REFUSE));
        assertEquals(Optional.empty(), AssignmentStateMachine.next(ACCEPTED, CONFIRM));
    }

    @Test
    void theSocialWorkersAnswerToAVolunteersOwnOfferIsAnAnswer() {
        assertTrue(AssignmentStateMachine.isAnswer(CONFIRM));
        assertTrue(AssignmentStateMachine.isAnswer(REFUSE));
        assertTrue(PROPOSED_BY_VOLUNTEER.open());
        assertTrue(OFFERED.open());
        assertFalse(ACCEPTED.open());
    }

    @Test
    void eachTriggerNamesTheStatusesItIsAllowedIn() {
        assertEquals(Set.of(PROPOSED_BY_VOLUNTEER), AssignmentStateMachine.allowedIn(CONFIRM));
        assertEquals(Set.of(OFFERED, PROPOSED_BY_VOLUNTEER), AssignmentStateMachine.allowedIn(WITHDRAW));
        assertEquals(Set.of(ACCEPTED), AssignmentStateMachine.allowedIn(RELEASE));
    }
}
