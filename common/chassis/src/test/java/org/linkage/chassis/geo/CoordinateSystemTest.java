package org.linkage.chassis.geo;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the reference points the open implementations publish with their tests (googollee/eviltransform for
 * WGS-84 → GCJ-02, wandergis/coordtransform for GCJ-02 ⇄ BD-09), and a point outside China that nothing shifts.
 */
class CoordinateSystemTest {

    private static final double EXACT = 1e-9; // the same formula: equal to the last digits that matter

    @Test
    void wgs84ToGcj02MatchesThePublishedPoints() {
        assertPoint(31.17530398364597, 121.531541859215, // Shanghai
                CoordinateSystem.GCJ02.fromWgs84(new GeoPoint(31.1774276, 121.5272106)), EXACT);
        assertPoint(22.540796131694766, 113.9171764808363, // Shenzhen
                CoordinateSystem.GCJ02.fromWgs84(new GeoPoint(22.543847, 113.912316)), EXACT);
        assertPoint(39.91334545536069, 116.38404722455657, // Beijing
                CoordinateSystem.GCJ02.fromWgs84(new GeoPoint(39.911954, 116.377817)), EXACT);
    }

    @Test
    void gcj02AndBd09MatchThePublishedPoints() {
        assertPoint(39.92133699351021, 116.41036949371029,
                ChinaOffsets.gcj02ToBd09(new GeoPoint(39.915, 116.404)), EXACT);
        assertPoint(39.90865673957631, 116.39762729119315,
                ChinaOffsets.bd09ToGcj02(new GeoPoint(39.915, 116.404)), EXACT);
    }

    @Test
    void conversionsComeBackWhereTheyStarted() {
        // The published inverse points come from the one-step approximation (metres off); ours iterates.
        GeoPoint wgs = CoordinateSystem.GCJ02.toWgs84(new GeoPoint(31.17530398364597, 121.531541859215));
        assertPoint(31.1774276, 121.5272106, wgs, 1e-7);
        Random random = new Random(20);
        for (int i = 0; i < 10_000; i++) {
            GeoPoint original = new GeoPoint(18 + random.nextDouble() * 35, 75 + random.nextDouble() * 60);
            for (CoordinateSystem system : CoordinateSystem.values()) {
                GeoPoint back = system.toWgs84(system.fromWgs84(original));
                // GCJ-02 is inverted by iteration (under a centimetre); the published BD-09 pair of formulas
                // invert each other only to about 0.2 m.
                double tolerance = system == CoordinateSystem.BD09 ? 0.3 : 0.01;
                assertTrue(back.distanceMetresTo(original) < tolerance, system + " " + original + " → " + back);
            }
        }
    }

    @Test
    void pointsOutsideChinaAreNotShifted() {
        GeoPoint london = new GeoPoint(51.5007, -0.1246);
        GeoPoint tokyo = new GeoPoint(35.6812, 139.7671);
        for (GeoPoint point : new GeoPoint[]{london, tokyo}) {
            for (CoordinateSystem system : CoordinateSystem.values()) {
                assertEquals(point, system.fromWgs84(point));
                assertEquals(point, system.toWgs84(point));
            }
        }
    }

    @Test
    void coordinatesConvertFromTheSystemTheyName() {
        Coordinates amap = new Coordinates(39.91334545536069, 116.38404722455657, CoordinateSystem.GCJ02);
        assertPoint(39.911954, 116.377817, amap.toGeoPoint(), 1e-7);
        Coordinates unnamed = new Coordinates(39.911954, 116.377817, null);
        assertEquals(new GeoPoint(39.911954, 116.377817), unnamed.toGeoPoint());
        Coordinates baidu = new Coordinates(39.911954, 116.377817).in(CoordinateSystem.BD09);
        assertEquals(CoordinateSystem.BD09, baidu.system());
        assertPoint(39.911954, 116.377817, baidu.toGeoPoint(), 3e-6);
    }

    @Test
    void anUnknownSystemIsRefusedNamingTheField() {
        assertEquals(CoordinateSystem.WGS84, CoordinateSystem.parse("coordinateSystem", null));
        assertEquals(CoordinateSystem.BD09, CoordinateSystem.parse("coordinateSystem", "BD09"));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> CoordinateSystem.parse("coordinateSystem", "MARS"));
        assertEquals("coordinateSystem", refused.violations().get(0).field());
    }

    private static void assertPoint(double latitude, double longitude, GeoPoint actual, double tolerance) {
        assertEquals(latitude, actual.latitude(), tolerance, "latitude of " + actual);
        assertEquals(longitude, actual.longitude(), tolerance, "longitude of " + actual);
    }
}
