package org.linkage.matching.domain;

public enum AssignmentStatus {
    OFFERED, ACCEPTED, DECLINED,
    /** Not answered before {@code expiresAt}. */
    EXPIRED,
    /** Taken back by the social worker. */
    WITHDRAWN,
    /** Closed because others filled the need first. */
    STOOD_DOWN,
    /** Accepted, but the need was cancelled: the volunteer is free again. */
    RELEASED;

    /** Whether the assignment counts towards the volunteers a need asks for. */
    public boolean holdsAPlace() {
        return this == OFFERED || this == ACCEPTED;
    }
}
