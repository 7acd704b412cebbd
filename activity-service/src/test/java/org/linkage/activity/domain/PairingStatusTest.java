package org.linkage.activity.domain;

import org.junit.jupiter.api.Test;
import org.linkage.activity.domain.PairingStatus.Action;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.domain.PairingStatus.ACCEPTED;
import static org.linkage.activity.domain.PairingStatus.ACTIVE;
import static org.linkage.activity.domain.PairingStatus.CONFIRMED;
import static org.linkage.activity.domain.PairingStatus.CONSENTED;
import static org.linkage.activity.domain.PairingStatus.ENDED;
import static org.linkage.activity.domain.PairingStatus.PAUSED;
import static org.linkage.activity.domain.PairingStatus.PROPOSED;

/** The pairing's state machine as a full table: every state and action, the state it leads to or null. */
class PairingStatusTest {

    private static final Map<PairingStatus, Map<Action, PairingStatus>> ALLOWED = new EnumMap<>(PairingStatus.class);

    static {
        for (PairingStatus status : PairingStatus.values()) {
            ALLOWED.put(status, new EnumMap<>(Action.class));
        }
        ALLOWED.get(PROPOSED).putAll(Map.of(Action.CONFIRM, CONFIRMED, Action.END, ENDED));
        ALLOWED.get(CONFIRMED).putAll(Map.of(Action.RECORD_CONSENT, CONSENTED, Action.END, ENDED));
        ALLOWED.get(CONSENTED).putAll(Map.of(Action.ACCEPT, ACCEPTED, Action.REVOKE_CONSENT, ENDED,
                Action.END, ENDED));
        ALLOWED.get(ACCEPTED).putAll(Map.of(Action.ACTIVATE, ACTIVE, Action.REVOKE_CONSENT, ENDED,
                Action.END, ENDED));
        ALLOWED.get(ACTIVE).putAll(Map.of(Action.SCHEDULE_SESSION, ACTIVE, Action.PAUSE, PAUSED,
                Action.REVOKE_CONSENT, ENDED, Action.END, ENDED));
        ALLOWED.get(PAUSED).putAll(Map.of(Action.RESUME, ACTIVE, Action.REVOKE_CONSENT, ENDED, Action.END, ENDED));
    }

    @Test
    void everyStateAndActionLeadsWhereTheTableSays() {
        for (PairingStatus status : PairingStatus.values()) {
            for (Action action : Action.values()) {
                assertEquals(ALLOWED.get(status).get(action), status.after(action), status + " " + action);
            }
        }
    }

    @Test
    void anEndedPairingAllowsNothing() {
        for (Action action : Action.values()) {
            assertEquals(null, ENDED.after(action), action.name());
        }
    }

    @Test
    void theConsentIsWhatIsMissingBeforeItIsRecorded() {
        assertTrue(PROPOSED.awaitsConsent());
        assertTrue(CONFIRMED.awaitsConsent());
        assertFalse(CONSENTED.awaitsConsent());
        assertFalse(ENDED.awaitsConsent());
    }
}
