package org.linkage.activity.domain;

/** OPEN until one volunteer claims it; the claimer fulfils it; the social worker confirms. */
public enum MicroWishStatus {
    OPEN, CLAIMED, FULFILLED, CONFIRMED
}
