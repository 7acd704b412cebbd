package org.linkage.chassis.geo;

import org.linkage.events.GeoPoint;

/**
 * The published formulas between WGS-84, GCJ-02 (the state's offset used by AMap, Tencent maps and WeChat) and
 * BD-09 (Baidu's further offset). Outside China's box the three coincide: maps there are not shifted.
 * WGS-84 → GCJ-02 and GCJ-02 ⇄ BD-09 are the formulas themselves; GCJ-02 → WGS-84 has no closed form and is
 * solved by fixed-point iteration to well under a centimetre.
 */
public final class ChinaOffsets {

    private static final double SEMI_MAJOR_AXIS = 6378245.0; // Krasovsky 1940, as the GCJ-02 formula uses
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;
    private static final double BAIDU_X_PI = Math.PI * 3000.0 / 180.0;
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-9;

    private ChinaOffsets() {
    }

    /** The rough box the offsets apply in (as the reference implementations draw it). */
    public static boolean outsideChina(double latitude, double longitude) {
        return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
    }

    public static GeoPoint wgs84ToGcj02(GeoPoint wgs) {
        if (outsideChina(wgs.latitude(), wgs.longitude())) {
            return wgs;
        }
        double x = wgs.longitude() - 105.0;
        double y = wgs.latitude() - 35.0;
        double radLat = Math.toRadians(wgs.latitude());
        double magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        double dLat = offsetLatitude(x, y) * 180.0
                / ((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic) * Math.PI);
        double dLng = offsetLongitude(x, y) * 180.0 / (SEMI_MAJOR_AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new GeoPoint(wgs.latitude() + dLat, wgs.longitude() + dLng);
    }

    /** The WGS-84 point whose GCJ-02 image is {@code gcj}: the offset is smooth, so iterating converges fast. */
    public static GeoPoint gcj02ToWgs84(GeoPoint gcj) {
        if (outsideChina(gcj.latitude(), gcj.longitude())) {
            return gcj;
        }
        double latitude = gcj.latitude();
        double longitude = gcj.longitude();
        for (int i = 0; i < 30; i++) {
            GeoPoint shifted = wgs84ToGcj02(new GeoPoint(latitude, longitude));
            double dLat = shifted.latitude() - gcj.latitude();
            double dLng = shifted.longitude() - gcj.longitude();
            latitude -= dLat;
            longitude -= dLng;
            if (Math.abs(dLat) < INVERSE_TOLERANCE_DEGREES && Math.abs(dLng) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
        }
        return new GeoPoint(latitude, longitude);
    }

    public static GeoPoint gcj02ToBd09(GeoPoint gcj) {
        if (outsideChina(gcj.latitude(), gcj.longitude())) {
            return gcj;
        }
        double x = gcj.longitude();
        double y = gcj.latitude();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BAIDU_X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BAIDU_X_PI);
        return new GeoPoint(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    public static GeoPoint bd09ToGcj02(GeoPoint bd) {
        if (outsideChina(bd.latitude(), bd.longitude())) {
            return bd;
        }
        double x = bd.longitude() - 0.0065;
        double y = bd.latitude() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_X_PI);
        return new GeoPoint(z * Math.sin(theta), z * Math.cos(theta));
    }

    private static double offsetLatitude(double x, double y) {
        double offset = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        offset += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        offset += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        offset += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return offset;
    }

    private static double offsetLongitude(double x, double y) {
        double offset = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        offset += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        offset += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        offset += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return offset;
    }
}
