package org.linkage.chassis.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.events.GeoPoint;

/** A position in requests and responses (WGS84 degrees). */
@Schema(description = "A WGS84 position in degrees")
public record Coordinates(
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "31.2304") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "121.4737") Double longitude) {

    public GeoPoint toGeoPoint() {
        return new GeoPoint(latitude, longitude);
    }

    public static Coordinates of(Double latitude, Double longitude) {
        return latitude == null || longitude == null ? null : new Coordinates(latitude, longitude);
    }
}
