package org.linkage.activity.domain;

/** Who gave a consent, relative to the beneficiary. */
public enum ConsentRelation {
    SELF, GUARDIAN
}
