package org.linkage.volunteer.domain;

/** Where a ledger entry's hours came from. */
public enum HoursSource {
    /** A completed assignment of a need (AssignmentCompleted). */
    NEED,
    /** Attendance at an activity (AttendanceRecorded). */
    ACTIVITY,
    /** A session of a one-to-one pairing (PairingSessionCompleted); the source id is the session's. */
    PAIRING,
    /** A compensating entry recorded by staff. */
    CORRECTION;

    /** The tag value of the linkage.hours.credited metric. */
    public String metricTag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
