package org.linkage.events.need;

/** How fast help must come; decides offer timeouts and whether to fan out. */
public enum Urgency {
    ROUTINE, URGENT, EMERGENCY
}
