package org.linkage.events;

/** A WGS84 position. {@link #coarse()} is what travels where an exact position is not needed. */
public record GeoPoint(double latitude, double longitude) {

    /** Rounded to 0.01° (about one kilometre), enough to show "where roughly" without pointing at a door. */
    public GeoPoint coarse() {
        return new GeoPoint(Math.round(latitude * 100) / 100.0, Math.round(longitude * 100) / 100.0);
    }

    /** Great-circle distance in metres (haversine). */
    public double distanceMetresTo(GeoPoint other) {
        double earthRadius = 6_371_000;
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
