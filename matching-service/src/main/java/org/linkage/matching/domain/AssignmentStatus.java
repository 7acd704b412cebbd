package org.linkage.matching.domain;

public enum AssignmentStatus {
    OFFERED, ACCEPTED, DECLINED;

    /** Whether the assignment counts towards the volunteers a need asks for. */
    public boolean holdsAPlace() {
        return this == OFFERED || this == ACCEPTED;
    }
}
