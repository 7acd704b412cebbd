package org.linkage.activity.domain;

/** The three groups the district focuses on; also the care category a beneficiary's needs carry in events. */
public enum FocusGroup {
    ELDERLY, CHILD, FAMILY
}
