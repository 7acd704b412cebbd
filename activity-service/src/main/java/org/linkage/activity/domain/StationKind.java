package org.linkage.activity.domain;

public enum StationKind {
    COMMUNITY_CENTRE, COMMUNITY_HOSPITAL, SCHOOL, ELDERLY_CARE_CENTRE, OTHER
}
