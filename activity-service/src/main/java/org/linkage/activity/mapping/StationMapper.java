package org.linkage.activity.mapping;

import org.linkage.activity.api.OpeningHoursRequest;
import org.linkage.activity.api.StationResponse;
import org.linkage.activity.domain.Station;
import org.linkage.chassis.web.Coordinates;

public final class StationMapper {

    public static StationResponse toResponse(Station station, Long distanceMetres) {
        return new StationResponse(station.id, station.name, station.kind, station.address,
                new Coordinates(station.latitude, station.longitude), station.community,
                station.openingHours.stream()
                        .map(hours -> new OpeningHoursRequest(hours.day, hours.opens, hours.closes)).toList(),
                station.partnerOrganisations, distanceMetres, station.createdAt, station.retiredAt);
    }

    public static StationResponse toResponse(Station station) {
        return toResponse(station, null);
    }

    private StationMapper() {
    }
}
