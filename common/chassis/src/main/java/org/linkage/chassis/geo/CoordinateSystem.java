package org.linkage.chassis.geo;

import org.linkage.chassis.problem.ProblemException;
import org.linkage.events.GeoPoint;

/**
 * The coordinate systems a client may speak. The suite stores and publishes WGS-84 (see docs/geo.md); a position
 * in another system is converted when it comes in and when it goes out.
 */
public enum CoordinateSystem {
    /** GNSS, international maps; what the suite stores and its events carry. */
    WGS84,
    /** The state's offset system: AMap (Gaode), Tencent maps, WeChat location. */
    GCJ02,
    /** Baidu maps. */
    BD09;

    /** The default when a request does not say: what every client sent before systems could be named. */
    public static final CoordinateSystem DEFAULT = WGS84;

    public GeoPoint toWgs84(GeoPoint point) {
        return switch (this) {
            case WGS84 -> point;
            case GCJ02 -> ChinaOffsets.gcj02ToWgs84(point);
            case BD09 -> ChinaOffsets.gcj02ToWgs84(ChinaOffsets.bd09ToGcj02(point));
        };
    }

    public GeoPoint fromWgs84(GeoPoint wgs) {
        return switch (this) {
            case WGS84 -> wgs;
            case GCJ02 -> ChinaOffsets.wgs84ToGcj02(wgs);
            case BD09 -> ChinaOffsets.gcj02ToBd09(ChinaOffsets.wgs84ToGcj02(wgs));
        };
    }

    /** A parameter's value: absent is {@link #DEFAULT}, anything but a name is a 400 naming the parameter. */
    public static CoordinateSystem parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of WGS84, GCJ02, BD09");
        }
    }
}
