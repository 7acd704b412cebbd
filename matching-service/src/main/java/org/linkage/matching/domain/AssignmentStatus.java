package org.linkage.matching.domain;

public enum AssignmentStatus {
    OFFERED, ACCEPTED, DECLINED,
    /** Not answered before {@code expiresAt}. */
    EXPIRED,
    /** Taken back: an offer by the social worker, a volunteer's own offer by the volunteer. */
    WITHDRAWN,
    /** Closed because others filled the need first. */
    STOOD_DOWN,
    /** Accepted, but the need was cancelled: the volunteer is free again. */
    RELEASED,
    /** The volunteer offered themselves for the need; the need's social worker confirms or refuses. */
    PROPOSED_BY_VOLUNTEER,
    /** The social worker did not take up the volunteer's own offer. */
    REFUSED;

    /**
     * Whether the assignment counts towards the volunteers a need asks for. A volunteer's own offer does not until
     * confirmed: the social worker decides, and the need is offered on meanwhile.
     */
    public boolean holdsAPlace() {
        return this == OFFERED || this == ACCEPTED;
    }

    /** Whether the assignment is still waiting for an answer, and closes when others fill the need. */
    public boolean open() {
        return this == OFFERED || this == PROPOSED_BY_VOLUNTEER;
    }
}
