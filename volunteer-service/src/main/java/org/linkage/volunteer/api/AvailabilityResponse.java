package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "When a volunteer can serve")
public record AvailabilityResponse(
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true,
                description = "The zone the times are local to", examples = "Asia/Shanghai") String timeZone,
        @Schema(required = true) List<WeeklySlot> weeklySlots,
        @Schema(required = true) List<AvailabilityException> exceptions,
        @Schema(required = true, nullable = true, examples = "8") Integer weeklyHoursCap,
        @Schema(required = true, nullable = true,
                description = "Absent while the volunteer never set an availability") Instant updatedAt) {
}
