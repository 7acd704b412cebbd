package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.activity.repository.NeedRepository;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;
import org.linkage.events.need.Urgency;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Open needs a volunteer may browse around a place (their position or a station): still looking for volunteers,
 * not yet begun, not emergencies (those go to the nearest responders at once). Only the coarse place is used, so
 * that neither the summary nor its distance points at anyone's door. A child's need is shown only to a volunteer
 * who already served that child (accepted an assignment of one of the child's needs).
 */
@ApplicationScoped
public class NearbyNeeds {

    private static final Set<NeedStatus> LOOKING = Set.of(NeedStatus.OPEN, NeedStatus.MATCHING, NeedStatus.UNMATCHED);
    private static final double METRES_PER_DEGREE = 6_371_000 * Math.PI / 180;

    public record Found(Need need, GeoPoint area, long distanceMetres) {
    }

    private final NeedRepository needs;

    NearbyNeeds(NeedRepository needs) {
        this.needs = needs;
    }

    public Page<Found> around(UUID volunteerId, GeoPoint centre, int radiusMetres, String skill, Instant from,
                              Instant to, int page, int size) {
        double latitudeReach = radiusMetres / METRES_PER_DEGREE + 0.01; // + the coarsening
        double longitudeReach = latitudeReach / Math.max(0.01, Math.cos(Math.toRadians(centre.latitude())));
        Instant notBefore = from == null || from.isBefore(Instant.now()) ? Instant.now() : from;
        List<Need> inBox = needs.lookingForVolunteers(LOOKING, centre.latitude() - latitudeReach,
                centre.latitude() + latitudeReach, centre.longitude() - longitudeReach,
                centre.longitude() + longitudeReach, notBefore, to, skill);
        Set<UUID> childrenServed = needs.beneficiariesServedBy(volunteerId, FocusGroup.CHILD);
        List<Found> found = inBox.stream()
                .filter(need -> need.urgency != Urgency.EMERGENCY)
                .filter(need -> need.careCategory != FocusGroup.CHILD || childrenServed.contains(need.beneficiaryId))
                .map(need -> {
                    GeoPoint area = need.location().coarse();
                    long metres = Math.round(centre.distanceMetresTo(area) / 100.0) * 100;
                    return new Found(need, area, metres);
                })
                .filter(candidate -> candidate.distanceMetres() <= radiusMetres)
                .sorted(Comparator.comparingLong(Found::distanceMetres)
                        .thenComparing(candidate -> candidate.need().windowStart)
                        .thenComparing(candidate -> candidate.need().id))
                .toList();
        int first = (int) Math.min(found.size(), (long) page * size);
        return Page.of(found.subList(first, Math.min(found.size(), first + size)), page, size, found.size());
    }
}
