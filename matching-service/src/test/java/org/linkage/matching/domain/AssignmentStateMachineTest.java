package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.ACCEPT;
import static org.linkage.matching.domain.AssignmentStateMachine.Trigger.DECLINE;
import static org.linkage.matching.domain.AssignmentStatus.ACCEPTED;
import static org.linkage.matching.domain.AssignmentStatus.DECLINED;
import static org.linkage.matching.domain.AssignmentStatus.OFFERED;

class AssignmentStateMachineTest {

    @Test
    void anOfferCanBeAcceptedOrDeclined() {
        assertEquals(Optional.of(ACCEPTED), AssignmentStateMachine.next(OFFERED, ACCEPT));
        assertEquals(Optional.of(DECLINED), AssignmentStateMachine.next(OFFERED, DECLINE));
    }

    @Test
    void anAnsweredOfferCannotBeAnsweredAgain() {
        for (AssignmentStatus answered : new AssignmentStatus[]{ACCEPTED, DECLINED}) {
            for (AssignmentStateMachine.Trigger trigger : AssignmentStateMachine.Trigger.values()) {
                assertEquals(Optional.empty(), AssignmentStateMachine.next(answered, trigger),
                        answered + " " + trigger);
            }
        }
    }

    @Test
    void onlyOffersAndAcceptedAssignmentsHoldAPlace() {
        assertTrue(OFFERED.holdsAPlace());
        assertTrue(ACCEPTED.holdsAPlace());
        assertFalse(DECLINED.holdsAPlace());
    }
}
