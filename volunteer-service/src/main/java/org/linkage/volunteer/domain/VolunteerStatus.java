package org.linkage.volunteer.domain;

public enum VolunteerStatus {
    ACTIVE, SUSPENDED, DEACTIVATED
}
