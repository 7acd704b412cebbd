package org.linkage.activity.domain;

/** SCHEDULED → CHECKED_IN → COMPLETED (hours credited); SCHEDULED → CANCELLED. */
public enum SessionStatus {
    SCHEDULED, CHECKED_IN, COMPLETED, CANCELLED
}
