package org.linkage.chassis.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who a volunteer's token acts as: the projection first, the claim only where the projection knows nothing. */
class CallerResolutionTest {

    private static final UUID CLAIMED = UUID.randomUUID();
    private static final UUID LINKED = UUID.randomUUID();

    private static CallerResolution resolve(CallerResolution.Link link, UUID claimed, String access) {
        return CallerResolution.of(CallerResolution.candidate(link, claimed), Optional.ofNullable(access));
    }

    @Test
    void aLinkInTheProjectionWinsOverTheClaim() {
        CallerResolution resolved = resolve(CallerResolution.Link.to(LINKED), CLAIMED, null);
        assertEquals(new CallerResolution(CallerResolution.State.LINKED, LINKED), resolved);
    }

    @Test
    void theClaimIsAcceptedWhereTheProjectionKnowsNothingOfTheLogin() {
        assertEquals(new CallerResolution(CallerResolution.State.LINKED, CLAIMED),
                resolve(CallerResolution.Link.NONE, CLAIMED, null));
        assertEquals(new CallerResolution(CallerResolution.State.LINKED, CLAIMED),
                resolve(CallerResolution.Link.NONE, CLAIMED, "ALLOWED"));
    }

    @Test
    void anUnlinkedLoginIsNotLinkedEvenWithAClaim() {
        assertEquals(CallerResolution.NOT_LINKED, resolve(CallerResolution.Link.UNLINKED, CLAIMED, null));
        assertEquals(CallerResolution.NOT_LINKED, resolve(CallerResolution.Link.NONE, null, null));
    }

    @Test
    void aVolunteerWhoseAccessEndedIsBlockedWhicheverWayTheyWereFound() {
        for (String ended : new String[]{"SUSPENDED", "DEACTIVATED", "ERASED"}) {
            assertEquals(CallerResolution.State.BLOCKED,
                    resolve(CallerResolution.Link.to(LINKED), null, ended).state());
            assertEquals(CallerResolution.State.BLOCKED, resolve(CallerResolution.Link.NONE, CLAIMED, ended).state());
        }
    }
}
