package org.linkage.volunteer.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.volunteer.domain.VolunteerStatus.ACTIVE;
import static org.linkage.volunteer.domain.VolunteerStatus.DEACTIVATED;
import static org.linkage.volunteer.domain.VolunteerStatus.PENDING;
import static org.linkage.volunteer.domain.VolunteerStatus.SUSPENDED;

class VolunteerStatusTest {

    private static Set<VolunteerStatus> nextOf(VolunteerStatus status) {
        return Arrays.stream(VolunteerStatus.values()).filter(status::canBecome)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VolunteerStatus.class)));
    }

    @Test
    void aPendingVolunteerIsActivatedOrTurnedAway() {
        assertEquals(EnumSet.of(ACTIVE, DEACTIVATED), nextOf(PENDING));
    }

    @Test
    void anActiveVolunteerCanBeSuspendedOrDeactivatedButNotMadePendingAgain() {
        assertEquals(EnumSet.of(SUSPENDED, DEACTIVATED), nextOf(ACTIVE));
    }

    @Test
    void aSuspensionEndsInReactivationOrDeactivation() {
        assertEquals(EnumSet.of(ACTIVE, DEACTIVATED), nextOf(SUSPENDED));
    }

    @Test
    void deactivationIsFinal() {
        assertEquals(EnumSet.noneOf(VolunteerStatus.class), nextOf(DEACTIVATED));
    }

    @Test
    void noStatusBecomesItself() {
        for (VolunteerStatus status : VolunteerStatus.values()) {
            assertFalse(status.canBecome(status), status.name());
        }
    }

    @Test
    void onlyTakingSomeoneOffTheServiceNeedsAReason() {
        assertTrue(SUSPENDED.requiresReason());
        assertTrue(DEACTIVATED.requiresReason());
        assertFalse(ACTIVE.requiresReason());
        assertFalse(PENDING.requiresReason());
    }
}
