package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.StationKind;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A service station")
public record StationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The zh-CN label") String name,
        @Schema(required = true, nullable = true, description = "The English label; null when none was given")
        String nameEn,
        @Schema(required = true, description = "The label in the reader's language (Accept-Language; zh-CN unless "
                + "en is asked for, the zh-CN label when there is no English one)") String label,
        @Schema(required = true) StationKind kind,
        @Schema(required = true) String address,
        @Schema(required = true) Coordinates location,
        @Schema(required = true) String community,
        @Schema(required = true) List<OpeningHoursRequest> openingHours,
        @Schema(required = true) List<String> partnerOrganisations,
        @Schema(required = true, nullable = true,
                description = "From the centre of a radius search; null otherwise") Long distanceMetres,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true, description = "When an admin retired it (no new activities); "
                + "null while in use") Instant retiredAt) {
}
