package org.linkage.matching.domain;

/**
 * How long a responder needs to get there, from the straight-line distance: streets are not straight (a detour
 * factor of 1.3, a common rule of thumb for city grids), walking at 4.8 km/h, riding an e-bike or scooter in city
 * traffic at 15 km/h. An estimate for the responder to judge by, not a route.
 */
public final class TravelEstimate {

    static final double DETOUR = 1.3;
    static final double WALKING_METRES_PER_MINUTE = 80;
    static final double RIDING_METRES_PER_MINUTE = 250;

    public static Integer walkingMinutes(Integer straightLineMetres) {
        return minutes(straightLineMetres, WALKING_METRES_PER_MINUTE);
    }

    public static Integer ridingMinutes(Integer straightLineMetres) {
        return minutes(straightLineMetres, RIDING_METRES_PER_MINUTE);
    }

    private static Integer minutes(Integer straightLineMetres, double metresPerMinute) {
        return straightLineMetres == null ? null
                : Math.max(1, (int) Math.ceil(straightLineMetres * DETOUR / metresPerMinute));
    }

    private TravelEstimate() {
    }
}
