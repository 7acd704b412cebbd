package org.linkage.activity.domain;

/** What a pairing's session is; a home visit shows the volunteer the child's address during the session only. */
public enum SessionKind {
    TUTORING, HOME_VISIT, OUTING
}
