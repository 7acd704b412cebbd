package org.linkage.volunteer.domain;

/** A volunteer's standing with the service office; only ACTIVE volunteers are offered work. */
public enum VolunteerStatus {
    PENDING, ACTIVE, SUSPENDED, DEACTIVATED;

    /** Deactivation is final: a volunteer who comes back registers again. */
    public boolean canBecome(VolunteerStatus next) {
        return switch (this) {
            case PENDING -> next == ACTIVE || next == DEACTIVATED;
            case ACTIVE -> next == SUSPENDED || next == DEACTIVATED;
            case SUSPENDED -> next == ACTIVE || next == DEACTIVATED;
            case DEACTIVATED -> false;
        };
    }

    /** Taking someone off the service must be explained to them and to the next member of staff. */
    public boolean requiresReason() {
        return this == SUSPENDED || this == DEACTIVATED;
    }
}
