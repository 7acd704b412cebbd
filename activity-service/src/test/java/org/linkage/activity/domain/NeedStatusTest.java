package org.linkage.activity.domain;

import org.junit.jupiter.api.Test;
import org.linkage.activity.domain.NeedStatus.Trigger;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.domain.NeedStatus.ASSIGNED;
import static org.linkage.activity.domain.NeedStatus.MATCHING;
import static org.linkage.activity.domain.NeedStatus.OPEN;
import static org.linkage.activity.domain.NeedStatus.UNMATCHED;

class NeedStatusTest {

    @Test
    void anOfferStartsMatchingAndFurtherOffersAndDeclinesKeepIt() {
        assertEquals(Optional.of(MATCHING), OPEN.after(Trigger.OFFERED));
        assertEquals(Optional.of(MATCHING), MATCHING.after(Trigger.OFFERED));
        assertEquals(Optional.of(MATCHING), MATCHING.after(Trigger.DECLINED));
    }

    @Test
    void anAcceptanceAssignsAnOpenOrMatchingNeed() {
        assertEquals(Optional.of(ASSIGNED), MATCHING.after(Trigger.ACCEPTED));
        assertEquals(Optional.of(ASSIGNED), OPEN.after(Trigger.ACCEPTED));
    }

    @Test
    void unmatchedEndsAnOpenOrMatchingNeed() {
        assertEquals(Optional.of(UNMATCHED), MATCHING.after(Trigger.UNMATCHED));
        assertEquals(Optional.of(UNMATCHED), OPEN.after(Trigger.UNMATCHED));
    }

    @Test
    void aLateOfferForAnAssignedNeedIsNotATransition() {
        assertEquals(Optional.empty(), ASSIGNED.after(Trigger.OFFERED));
    }

    @Test
    void aDeclineWithoutAnOfferIsNotATransition() {
        assertEquals(Optional.empty(), OPEN.after(Trigger.DECLINED));
    }

    @Test
    void assignedAndUnmatchedNeedsFollowNoTrigger() {
        for (Trigger trigger : Trigger.values()) {
            assertEquals(Optional.empty(), ASSIGNED.after(trigger), "ASSIGNED after " + trigger);
            assertEquals(Optional.empty(), UNMATCHED.after(trigger), "UNMATCHED after " + trigger);
        }
    }

    /** The whole table, so that a new status or trigger cannot slip in without a decision. */
    @Test
    void everyStatusAndTriggerHasTheExpectedOutcome() {
        Map<NeedStatus, Map<Trigger, NeedStatus>> allowed = new EnumMap<>(NeedStatus.class);
        allowed.put(OPEN, Map.of(Trigger.OFFERED, MATCHING, Trigger.ACCEPTED, ASSIGNED,
                Trigger.UNMATCHED, UNMATCHED));
        allowed.put(MATCHING, Map.of(Trigger.OFFERED, MATCHING, Trigger.DECLINED, MATCHING,
                Trigger.ACCEPTED, ASSIGNED, Trigger.UNMATCHED, UNMATCHED));
        allowed.put(ASSIGNED, Map.of());
        allowed.put(UNMATCHED, Map.of());
        assertEquals(NeedStatus.values().length, allowed.size());
        for (NeedStatus status : NeedStatus.values()) {
            for (Trigger trigger : Trigger.values()) {
                assertEquals(Optional.ofNullable(allowed.get(status).get(trigger)), status.after(trigger),
                        status + " after " + trigger);
            }
        }
    }
}
