package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How many notifications a person has not read yet, for the app's badge")
public record UnreadCountResponse(
        @Schema(required = true, examples = "sw-zhang") String recipient,
        @Schema(required = true, examples = "3") long unread) {
}
