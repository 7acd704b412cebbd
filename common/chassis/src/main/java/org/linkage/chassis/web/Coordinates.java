package org.linkage.chassis.web;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.geo.CoordinateSystem;
import org.linkage.events.GeoPoint;

/**
 * A position in requests and responses, in the coordinate system it names. In a request the client says which
 * system its numbers are in (WGS-84 when it says nothing, as before systems could be named); services store
 * {@link #toGeoPoint()}, always WGS-84. In a response every position is written in the system the request asked
 * for with {@code Accept-Coordinate-System} ({@link CoordinatesSerializer}).
 */
@Schema(description = "A position in degrees. In a request, `system` says which coordinate system the numbers are "
        + "in (WGS84 if left out; GCJ02 for AMap, Tencent maps and WeChat; BD09 for Baidu). In a response, "
        + "positions are in the system asked for with the `Accept-Coordinate-System` header (WGS84 by default), "
        + "and `system` says which.")
@JsonSerialize(using = CoordinatesSerializer.class)
public record Coordinates(
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "31.2304") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "121.4737") Double longitude,
        @Schema(description = "Coordinate system of latitude and longitude; WGS84 when left out",
                examples = "GCJ02") CoordinateSystem system) {

    /** A WGS-84 position (what services hold). */
    public Coordinates(Double latitude, Double longitude) {
        this(latitude, longitude, CoordinateSystem.WGS84);
    }

    /** The system the numbers are in: WGS-84 when the client named none. */
    public CoordinateSystem systemOrDefault() {
        return system == null ? CoordinateSystem.DEFAULT : system;
    }

    /** The position in WGS-84, converted from the system the client named. */
    public GeoPoint toGeoPoint() {
        return systemOrDefault().toWgs84(new GeoPoint(latitude, longitude));
    }

    public static Coordinates of(Double latitude, Double longitude) {
        return latitude == null || longitude == null ? null : new Coordinates(latitude, longitude);
    }

    public static Coordinates of(GeoPoint wgs84) {
        return wgs84 == null ? null : new Coordinates(wgs84.latitude(), wgs84.longitude());
    }

    /** This position (WGS-84 or not) expressed in {@code target}. */
    public Coordinates in(CoordinateSystem target) {
        if (target == systemOrDefault()) {
            return this;
        }
        GeoPoint converted = target.fromWgs84(toGeoPoint());
        return new Coordinates(converted.latitude(), converted.longitude(), target);
    }
}
