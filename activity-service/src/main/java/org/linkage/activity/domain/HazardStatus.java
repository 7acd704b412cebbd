package org.linkage.activity.domain;

import java.util.Optional;

/** A hazard report's way from the street to resolution. Pure, so that the rules are unit-tested. */
public enum HazardStatus {
    /** Sent by a volunteer, not looked at yet. */
    REPORTED,
    /** Staff judged the severity. */
    TRIAGED,
    /** Someone (a department, a crew) is dealing with it. */
    ASSIGNED,
    RESOLVED,
    /** Not a hazard, or a duplicate of another report. */
    DISMISSED;

    public enum Action {
        TRIAGE, ASSIGN, RESOLVE, DISMISS
    }

    /** @return the status the action leads to, or empty when the action is not allowed now */
    public Optional<HazardStatus> after(Action action) {
        HazardStatus next = switch (action) {
            case TRIAGE -> this == REPORTED ? TRIAGED : null;
            case ASSIGN -> this == TRIAGED || this == ASSIGNED ? ASSIGNED : null;
            case RESOLVE -> this == ASSIGNED ? RESOLVED : null;
            case DISMISS -> this == REPORTED || this == TRIAGED ? DISMISSED : null;
        };
        return Optional.ofNullable(next);
    }
}
