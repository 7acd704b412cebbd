package org.linkage.activity.domain;

/** Which side ended a sign-up. */
public enum CancelledBy {
    VOLUNTEER, STAFF
}
