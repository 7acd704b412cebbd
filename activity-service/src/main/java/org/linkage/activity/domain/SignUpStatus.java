package org.linkage.activity.domain;

/**
 * A volunteer's place at an activity: CONFIRMED holds a place; WAITLISTED waits in order of arrival and is promoted
 * to CONFIRMED when a place frees; either ends CANCELLED.
 */
public enum SignUpStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
