package org.linkage.volunteer.domain;

public enum Gender {
    FEMALE, MALE, OTHER
}
