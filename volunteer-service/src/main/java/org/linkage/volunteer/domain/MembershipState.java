package org.linkage.volunteer.domain;

/** Where a volunteer stands with a team. */
public enum MembershipState {
    /** The team invited the volunteer, who has not answered. */
    INVITED,
    /** The volunteer asked to join; the leader has not answered. */
    REQUESTED,
    MEMBER,
    DECLINED;

    public boolean awaitsDecision() {
        return this == INVITED || this == REQUESTED;
    }

    /** A declined volunteer may be asked again; a pending or current one may not. */
    public boolean canBeAskedAgain() {
        return this == DECLINED;
    }
}
