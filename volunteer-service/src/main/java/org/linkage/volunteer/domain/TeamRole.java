package org.linkage.volunteer.domain;

/** A volunteer's role in a team; the team's leader is the social worker, not a member. */
public enum TeamRole {
    MEMBER,
    /** Organises the members on the leader's behalf. */
    COORDINATOR
}
