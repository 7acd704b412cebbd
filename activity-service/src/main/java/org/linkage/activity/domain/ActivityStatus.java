package org.linkage.activity.domain;

public enum ActivityStatus {
    SCHEDULED, CANCELLED
}
