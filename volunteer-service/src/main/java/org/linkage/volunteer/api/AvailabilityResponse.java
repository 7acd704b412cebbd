package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "When a volunteer can serve")
public record AvailabilityResponse(
        UUID volunteerId,
        @Schema(description = "The zone the times are local to", examples = "Asia/Shanghai") String timeZone,
        List<WeeklySlot> weeklySlots,
        List<AvailabilityException> exceptions,
        @Schema(examples = "8") Integer weeklyHoursCap,
        @Schema(description = "Absent while the volunteer never set an availability") Instant updatedAt) {
}
