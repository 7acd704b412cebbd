package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(description = "The event types a webhook may subscribe to; their payloads are described in docs/events.md")
public record WebhookEventTypesResponse(
        @Schema(required = true, examples = "[\"AssignmentAccepted\", \"AssignmentOffered\"]") Set<String> eventTypes) {
}
