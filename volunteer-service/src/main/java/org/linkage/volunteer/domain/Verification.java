package org.linkage.volunteer.domain;

/** Where staff's check of a certification stands; only VERIFIED certifications count. */
public enum Verification {
    PENDING, VERIFIED, REJECTED
}
