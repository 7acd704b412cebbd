package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "Where a home visit takes place, shown to the paired volunteer during the session only")
public record SessionAddressResponse(
        @Schema(required = true) UUID sessionId,
        @Schema(required = true, examples = "Lane 12, No. 3, Room 401") String address,
        @Schema(required = true, nullable = true) Coordinates home,
        @Schema(required = true, description = "Until when the address may be read") Instant visibleUntil) {
}
