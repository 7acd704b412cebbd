package org.linkage.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types integrators may subscribe to, whose they are, and what of them an integrator sees. Only the
 * matching of a need belongs to an integrator: the need's raiser ({@code requestedBy}, an integrator's client id when
 * it raised the need through the API) receives it, nobody else. An integrator sees ids, the category, urgency and
 * time window, and the need's area coarsened to about a kilometre: no names, no free text, no exact place.
 * Volunteer events (names, homes) and activity events (staff-run, no integrator raised them) are not offered.
 */
public final class WebhookCatalogue {

    private static final List<String> OFFER = List.of("assignmentId", "needId", "volunteerId");

    /** Each type on offer with the payload fields an integrator receives, in this order. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            AssignmentOffered.TYPE, List.of("assignmentId", "needId", "volunteerId", "category", "urgency", "window",
                    "area", "expiresAt"),
            AssignmentAccepted.TYPE, OFFER,
            AssignmentDeclined.TYPE, OFFER,
            AssignmentProposed.TYPE, OFFER,
            AssignmentExpired.TYPE, List.of("assignmentId", "needId", "volunteerId", "expiredAt", "volunteerOffer"),
            AssignmentWithdrawn.TYPE, List.of("assignmentId", "needId", "volunteerId", "withdrawnBy"),
            AssignmentStoodDown.TYPE, OFFER,
            NeedUnmatched.TYPE, List.of("needId", "candidatesTried"));

    private static final Map<String, List<String>> BY_TOPIC = Map.of(Topics.ASSIGNMENT_EVENTS,
            List.copyOf(new TreeSet<>(FIELDS.keySet())));

    private static final Set<String> ALL = new TreeSet<>(FIELDS.keySet());

    /** An event as one integrator receives it. */
    public record ForIntegrator(String integrator, EventEnvelope envelope) {
    }

    /** Every type integrators may subscribe to, sorted by name. */
    public static Set<String> all() {
        return ALL;
    }

    /** The payload fields an integrator receives of a type on offer, in order; empty for any other type. */
    public static List<String> fields(String eventType) {
        return FIELDS.getOrDefault(eventType, List.of());
    }

    public static boolean offers(String eventType) {
        return ALL.contains(eventType);
    }

    public static List<String> onTopic(String topic) {
        return BY_TOPIC.getOrDefault(topic, List.of());
    }

    /**
     * The event for the integrator it belongs to, cut down to what integrators see; empty when it is not on offer
     * or no raiser is named. Trace context stays inside the suite.
     */
    public static Optional<ForIntegrator> forIntegrator(EventEnvelope envelope) {
        List<String> fields = FIELDS.get(envelope.eventType());
        String raiser = envelope.payload().path("requestedBy").asText("");
        if (fields == null || raiser.isBlank()) {
            return Optional.empty();
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = envelope.payload().get(field);
            if (value != null && !value.isNull()) {
                payload.set(field, field.equals("area") ? coarse(value) : value);
            }
        }
        return Optional.of(new ForIntegrator(raiser, new EventEnvelope(envelope.eventId(), envelope.eventType(),
                envelope.schemaVersion(), envelope.occurredAt(), envelope.aggregateType(), envelope.aggregateId(),
                null, payload)));
    }

    /** Rounded to 0.01° (about a kilometre) again here, whatever the producer sent. */
    private static JsonNode coarse(JsonNode point) {
        ObjectNode coarse = JsonNodeFactory.instance.objectNode();
        coarse.put("latitude", Math.round(point.path("latitude").asDouble() * 100) / 100.0);
        coarse.put("longitude", Math.round(point.path("longitude").asDouble() * 100) / 100.0);
        return coarse;
    }

    private WebhookCatalogue() {
    }
}
