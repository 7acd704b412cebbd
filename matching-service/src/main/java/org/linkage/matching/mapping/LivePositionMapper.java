package org.linkage.matching.mapping;

import org.linkage.chassis.web.Coordinates;
import org.linkage.matching.api.LivePositionResponse;
import org.linkage.matching.domain.LivePositions;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

public final class LivePositionMapper {

    public static LivePositionResponse toResponse(UUID volunteerId, LivePositions.Fix fix, Duration ttl,
                                                  Instant nextPingAfter) {
        Instant recordedAt = Instant.ofEpochMilli(fix.recordedAt());
        return new LivePositionResponse(volunteerId, new Coordinates(fix.latitude(), fix.longitude()),
                fix.accuracyMetres(), recordedAt, recordedAt.plus(ttl), nextPingAfter);
    }

    private LivePositionMapper() {
    }
}
