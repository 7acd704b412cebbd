package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Station;
import org.linkage.activity.domain.StationKind;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, UUID> {

    /** A latitude/longitude rectangle; null bounds do not restrict. */
    public record Area(Double minLatitude, Double minLongitude, Double maxLatitude, Double maxLongitude) {
    }

    /** Every station in the area, community and kind given, by name: the district has tens, not thousands. */
    public List<Station> within(Area area, String community, StationKind kind) {
        Conditions conditions = new Conditions()
                .where("latitude >= :minLatitude", "minLatitude", area.minLatitude())
                .where("latitude <= :maxLatitude", "maxLatitude", area.maxLatitude())
                .where("longitude >= :minLongitude", "minLongitude", area.minLongitude())
                .where("longitude <= :maxLongitude", "maxLongitude", area.maxLongitude())
                .equal("community", community)
                .equal("kind", kind);
        return list(conditions.query(), Sort.ascending("name", "id"), conditions.parameters());
    }
}
