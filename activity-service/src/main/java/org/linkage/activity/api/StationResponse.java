package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.StationKind;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A service station")
public record StationResponse(
        UUID id,
        String name,
        StationKind kind,
        String address,
        Coordinates location,
        String community,
        List<OpeningHoursRequest> openingHours,
        List<String> partnerOrganisations,
        @Schema(description = "From the centre of a radius search; null otherwise") Long distanceMetres,
        Instant createdAt) {
}
