package org.linkage.activity.domain;

import java.util.Optional;

/**
 * Where a need stands, moved along by matching-service's events and by the social worker. The transitions are pure
 * so that the rules can be tested without a database or a broker.
 */
public enum NeedStatus {
    /** Raised; matching has not offered it to anybody yet. */
    OPEN,
    /** Offered to one or more volunteers, no acceptance yet. */
    MATCHING,
    /** A volunteer accepted. */
    ASSIGNED,
    /** The social worker started the work. */
    IN_PROGRESS,
    /** The social worker confirmed the volunteers' reports and hours. */
    COMPLETED,
    /** The social worker called it off. */
    CANCELLED,
    /** Nobody (more) could take it; the social worker must step in. */
    UNMATCHED;

    /** What matching-service reports about a need, or what the social worker does with it. */
    public enum Trigger {
        OFFERED, ACCEPTED, DECLINED, UNMATCHED, START, COMPLETE, CANCEL
    }

    /**
     * @return the status the trigger leads to (possibly this one), or empty when the trigger cannot happen in
     * this status, e.g. a late offer for a need that is already assigned
     */
    public Optional<NeedStatus> after(Trigger trigger) {
        NeedStatus next = switch (this) {
            case OPEN -> switch (trigger) {
                case OFFERED -> MATCHING;
                case ACCEPTED -> ASSIGNED;
                case UNMATCHED -> UNMATCHED;
                case CANCEL -> CANCELLED;
                // A decline answers an offer, and an open need has none; nobody has accepted to start or complete.
                case DECLINED, START, COMPLETE -> null;
            };
            case MATCHING -> switch (trigger) {
                // Further offers (the next candidate, an emergency's fan-out) and declines keep it matching.
                case OFFERED, DECLINED -> MATCHING;
                case ACCEPTED -> ASSIGNED;
                case UNMATCHED -> UNMATCHED;
                case CANCEL -> CANCELLED;
                case START, COMPLETE -> null;
            };
            case ASSIGNED -> switch (trigger) {
                // A need for several volunteers is accepted once per volunteer.
                case ACCEPTED -> ASSIGNED;
                case START -> IN_PROGRESS;
                case CANCEL -> CANCELLED;
                case OFFERED, DECLINED, UNMATCHED, COMPLETE -> null;
            };
            case IN_PROGRESS -> switch (trigger) {
                case ACCEPTED -> IN_PROGRESS;
                case COMPLETE -> COMPLETED;
                case CANCEL -> CANCELLED;
                case OFFERED, DECLINED, UNMATCHED, START -> null;
            };
            // Escalated, yet still taken: assigned by hand, or a volunteer's offer of themselves confirmed.
            case UNMATCHED -> trigger == Trigger.CANCEL ? CANCELLED : trigger == Trigger.ACCEPTED ? ASSIGNED : null;
            case COMPLETED, CANCELLED -> null;
        };
        return Optional.ofNullable(next);
    }
}
