package org.linkage.activity.mapping;

import org.linkage.activity.api.OpeningHoursRequest;
import org.linkage.activity.api.StationResponse;
import org.linkage.activity.domain.Station;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.web.Coordinates;

public final class StationMapper {

    /** The station for a reader of this language (its label). */
    public static StationResponse toResponse(Station station, Long distanceMetres, Language language) {
        return new StationResponse(station.id, station.name, station.nameEn, station.label(language), station.kind,
                station.address,
                new Coordinates(station.latitude, station.longitude), station.community,
                station.openingHours.stream()
                        .map(hours -> new OpeningHoursRequest(hours.day, hours.opens, hours.closes)).toList(),
                station.partnerOrganisations, distanceMetres, station.createdAt, station.retiredAt);
    }

    public static StationResponse toResponse(Station station, Language language) {
        return toResponse(station, null, language);
    }

    private StationMapper() {
    }
}
