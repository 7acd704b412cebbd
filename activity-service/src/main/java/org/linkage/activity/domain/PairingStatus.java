package org.linkage.activity.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A one-to-one pairing's lifecycle: PROPOSED (by matching) → CONFIRMED (by the beneficiary's responsible social
 * worker) → CONSENTED (the guardian's consent recorded) → ACCEPTED (by the volunteer) → ACTIVE (for a period, with
 * sessions) ⇄ PAUSED (while the volunteer is suspended) → ENDED (with a reason; a re-pairing ends it and starts its
 * successor). Every state but ENDED may end.
 */
public enum PairingStatus {
    PROPOSED, CONFIRMED, CONSENTED, ACCEPTED, ACTIVE, PAUSED, ENDED;

    /** What is done to a pairing. */
    public enum Action {
        CONFIRM, RECORD_CONSENT, ACCEPT, ACTIVATE, SCHEDULE_SESSION, PAUSE, RESUME, REVOKE_CONSENT, END
    }

    /** The state the action leads to, or null when it is not allowed in this state. */
    public PairingStatus after(Action action) {
        return switch (action) {
            case CONFIRM -> this == PROPOSED ? CONFIRMED : null;
            case RECORD_CONSENT -> this == CONFIRMED ? CONSENTED : null;
            case ACCEPT -> this == CONSENTED ? ACCEPTED : null;
            case ACTIVATE -> this == ACCEPTED ? ACTIVE : null;
            case SCHEDULE_SESSION -> this == ACTIVE ? ACTIVE : null;
            case PAUSE -> this == ACTIVE ? PAUSED : null;
            case RESUME -> this == PAUSED ? ACTIVE : null;
            // Without the consent the pairing cannot go on: it ends, and a new consent means a new pairing.
            case REVOKE_CONSENT -> HOLDS_CONSENT.contains(this) ? ENDED : null;
            case END -> this == ENDED ? null : ENDED;
        };
    }

    /** The states in which a consent is in force. */
    public static final Set<PairingStatus> HOLDS_CONSENT = EnumSet.of(CONSENTED, ACCEPTED, ACTIVE, PAUSED);

    /** The states that hold the beneficiary and count against the volunteer's limit. */
    public static final Set<PairingStatus> UNDER_WAY = EnumSet.of(ACTIVE, PAUSED);

    /** Accepting or activating before the consent is recorded: the consent is what is missing. */
    public boolean awaitsConsent() {
        return this == PROPOSED || this == CONFIRMED;
    }
}
