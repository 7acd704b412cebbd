package org.linkage.activity.domain;

import java.util.Optional;

/**
 * Where a need stands, as matching-service reports it. The transitions are pure so that the rules can be tested
 * without a database or a broker.
 */
public enum NeedStatus {
    /** Raised; matching has not offered it to anybody yet. */
    OPEN,
    /** Offered to one or more volunteers, no acceptance yet. */
    MATCHING,
    /** A volunteer accepted. */
    ASSIGNED,
    /** Nobody (more) could take it; the social worker must step in. */
    UNMATCHED;

    /** What matching-service reports about a need. */
    public enum Trigger {
        OFFERED, ACCEPTED, DECLINED, UNMATCHED
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
                // A decline answers an offer, and an open need has none.
                case DECLINED -> null;
            };
            case MATCHING -> switch (trigger) {
                // Further offers (the next candidate, an emergency's fan-out) and declines keep it matching.
                case OFFERED, DECLINED -> MATCHING;
                case ACCEPTED -> ASSIGNED;
                case UNMATCHED -> UNMATCHED;
            };
            case ASSIGNED, UNMATCHED -> null;
        };
        return Optional.ofNullable(next);
    }
}
