package org.linkage.events;

import java.util.List;

/** Topic names, in one place so that producers, consumers and the deployment manifests agree. */
public final class Topics {
    /** Published by volunteer-service. */
    public static final String VOLUNTEER_EVENTS = "linkage.volunteer-events";
    /** Published by activity-service. */
    public static final String NEED_EVENTS = "linkage.need-events";
    /** Published by activity-service: activities at stations, sign-ups and attendance. */
    public static final String ACTIVITY_EVENTS = "linkage.activity-events";
    /** Published by matching-service. */
    public static final String ASSIGNMENT_EVENTS = "linkage.assignment-events";
    /** Published by activity-service: the lifecycle of one-to-one pairings and their sessions. */
    public static final String PAIRING_EVENTS = "linkage.pairing-events";

    /**
     * Published by volunteer-service: identity links and volunteers' access, read by the chassis of every service
     * (its identity projection, which current-user resolution reads).
     */
    public static final String IDENTITY_EVENTS = "linkage.identity-events";
    /** Published by volunteer-service: invitation codes to send by SMS; read by notification-service alone. */
    public static final String INVITATION_EVENTS = "linkage.invitation-events";

    public static final List<String> ALL = List.of(VOLUNTEER_EVENTS, NEED_EVENTS, ACTIVITY_EVENTS, ASSIGNMENT_EVENTS,
            PAIRING_EVENTS, IDENTITY_EVENTS, INVITATION_EVENTS);

    /**
     * Not an event topic: each outbox relay sends one record here when it starts, so that its producer's send path
     * has run before the first event (docs/chassis.md). Nobody reads it; a cluster keeps its records an hour.
     */
    public static final String WARM_UP = "linkage.warm-up";

    /** Messages a service could never process; one dead-letter topic per consuming service. */
    public static String deadLetter(String service) {
        return "linkage." + service + ".dlq";
    }

    private Topics() {
    }
}
