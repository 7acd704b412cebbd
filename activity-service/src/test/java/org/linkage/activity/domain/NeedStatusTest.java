package org.linkage.activity.domain;

import org.junit.jupiter.api.Test;
import org.linkage.activity.domain.NeedStatus.Trigger;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.domain.NeedStatus.ASSIGNED;
import static org.linkage.activity.domain.NeedStatus.CANCELLED;
import static org.linkage.activity.domain.NeedStatus.COMPLETED;
import static org.linkage.activity.domain.NeedStatus.IN_PROGRESS;
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
    void anAcceptanceAssignsAnOpenOrMatchingNeedAndFurtherAcceptancesKeepIt() {
        assertEquals(Optional.of(ASSIGNED), MATCHING.after(Trigger.ACCEPTED));
        assertEquals(Optional.of(ASSIGNED), OPEN.after(Trigger.ACCEPTED));
        assertEquals(Optional.of(ASSIGNED), ASSIGNED.after(Trigger.ACCEPTED));
    }

    @Test
    void unmatchedEndsAnOpenOrMatchingNeed() {
        assertEquals(Optional.of(UNMATCHED), MATCHING.after(Trigger.UNMATCHED));
        assertEquals(Optional.of(UNMATCHED), OPEN.after(Trigger.UNMATCHED));
    }

    @Test
    void theSocialWorkerStartsAnAssignedNeedAndCompletesItOnlyOnceStarted() {
        assertEquals(Optional.of(IN_PROGRESS), ASSIGNED.after(Trigger.START));
        assertEquals(Optional.of(COMPLETED), IN_PROGRESS.after(Trigger.COMPLETE));
        assertEquals(Optional.empty(), ASSIGNED.after(Trigger.COMPLETE));
        assertEquals(Optional.empty(), OPEN.after(Trigger.START));
    }

    @Test
    void anythingNotFinishedCanBeCancelled() {
        for (NeedStatus status : new NeedStatus[]{OPEN, MATCHING, ASSIGNED, IN_PROGRESS, UNMATCHED}) {
            assertEquals(Optional.of(CANCELLED), status.after(Trigger.CANCEL), status.name());
        }
        assertEquals(Optional.empty(), COMPLETED.after(Trigger.CANCEL));
        assertEquals(Optional.empty(), CANCELLED.after(Trigger.CANCEL));
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
    void completedAndCancelledNeedsFollowNoTrigger() {
        for (Trigger trigger : Trigger.values()) {
            assertEquals(Optional.empty(), COMPLETED.after(trigger), "COMPLETED after " + trigger);
            assertEquals(Optional.empty(), CANCELLED.after(trigger), "CANCELLED after " + trigger);
        }
    }

    /** The whole table, so that a new status or trigger cannot slip in without a decision. */
    @Test
    void everyStatusAndTriggerHasTheExpectedOutcome() {
        Map<NeedStatus, Map<Trigger, NeedStatus>> allowed = new EnumMap<>(NeedStatus.class);
        allowed.put(OPEN, Map.of(Trigger.OFFERED, MATCHING, Trigger.ACCEPTED, ASSIGNED,
                Trigger.UNMATCHED, UNMATCHED, Trigger.CANCEL, CANCELLED));
        allowed.put(MATCHING, Map.of(Trigger.OFFERED, MATCHING, Trigger.DECLINED, MATCHING,
                Trigger.ACCEPTED, ASSIGNED, Trigger.UNMATCHED, UNMATCHED, Trigger.CANCEL, CANCELLED));
        allowed.put(ASSIGNED, Map.of(Trigger.ACCEPTED, ASSIGNED, Trigger.START, IN_PROGRESS,
                Trigger.CANCEL, CANCELLED));
        allowed.put(IN_PROGRESS, Map.of(Trigger.ACCEPTED, IN_PROGRESS, Trigger.COMPLETE, COMPLETED,
                Trigger.CANCEL, CANCELLED));
        allowed.put(COMPLETED, Map.of());
        allowed.put(CANCELLED, Map.of());
        allowed.put(UNMATCHED, Map.of(Trigger.ACCEPTED, ASSIGNED, Trigger.CANCEL, CANCELLED));
        assertEquals(NeedStatus.values().length, allowed.size());
        for (NeedStatus status : NeedStatus.values()) {
            for (Trigger trigger : Trigger.values()) {
                assertEquals(Optional.ofNullable(allowed.get(status).get(trigger)), status.after(trigger),
                        status + " after " + trigger);
            }
        }
    }
}
