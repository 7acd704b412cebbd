package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.StationRenameRequest;
import org.linkage.activity.api.StationRequest;
import org.linkage.activity.domain.OpeningHours;
import org.linkage.activity.domain.Station;
import org.linkage.activity.domain.StationKind;
import org.linkage.activity.repository.StationRepository;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StationService {

    private static final String CREATE_SCOPE = "station.create";
    private static final double METRES_PER_DEGREE = 111_320;

    private final StationRepository stations;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditLog auditLog;

    StationService(StationRepository stations, IdempotencyKeys idempotencyKeys, AuditLog auditLog) {
        this.stations = stations;
        this.idempotencyKeys = idempotencyKeys;
        this.auditLog = auditLog;
    }

    /** A station found by a search, with its distance from the centre of a radius search. */
    public record Found(Station station, Long distanceMetres) {
    }

    /** A circle to search in. */
    public record Circle(GeoPoint centre, int radiusMetres) {
    }

    @Transactional
    public Station create(@Valid @NotNull StationRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once(CREATE_SCOPE, idempotencyKey, request, () -> {
            Station station = new Station();
            station.id = UUID.randomUUID();
            station.name = request.name().strip();
            station.nameEn = request.nameEn() == null ? null : request.nameEn().strip();
            station.kind = request.kind();
            station.address = request.address().strip();
            GeoPoint location = request.location().toGeoPoint();
            station.latitude = location.latitude();
            station.longitude = location.longitude();
            station.community = request.community().strip();
            station.openingHours = new ArrayList<>(request.openingHours().stream()
                    .map(hours -> new OpeningHours(hours.day(), hours.opens(), hours.closes())).toList());
            station.partnerOrganisations = new ArrayList<>(request.partnerOrganisations().stream()
                    .map(String::strip).toList());
            station.createdAt = DatabaseClock.now();
            stations.persist(station);
            return station.id;
        });
        return stations.findById(id);
    }

    /** New labels (an English one left out is removed); recorded in the audit log with the old ones. */
    @Transactional
    public Station rename(UUID id, @Valid @NotNull StationRenameRequest request) {
        Station station = require(id);
        String before = labels(station);
        station.name = request.name().strip();
        station.nameEn = request.nameEn() == null ? null : request.nameEn().strip();
        auditLog.record(AuditAction.UPDATE, "Station", id, "station renamed from " + before + " to "
                + labels(station));
        return station;
    }

    /** "新华社区中心 / Xinhua Community Centre", or the zh-CN label alone. */
    private static String labels(Station station) {
        return station.nameEn == null ? station.name : station.name + " / " + station.nameEn;
    }

    /** Closes the station to new activities (never deleted: activities and statistics refer to it); audited. */
    @Transactional
    public Station retire(UUID id) {
        Station station = require(id);
        if (station.retiredAt != null) {
            throw ProblemException.conflict("Station " + id + " is retired already");
        }
        station.retiredAt = DatabaseClock.now();
        auditLog.record(AuditAction.UPDATE, "Station", id, "station retired");
        return station;
    }

    public Optional<Station> find(UUID id) {
        return stations.findByIdOptional(id);
    }

    public Station require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Station", id));
    }

    /**
     * Stations in a rectangle, or within a circle (nearest first), or everywhere (by name). The circle is narrowed
     * to its bounding box in the database, then measured exactly.
     */
    public Page<Found> search(StationRepository.Area box, Circle circle, String community, StationKind kind,
                              int page, int size) {
        List<Found> found;
        if (circle == null) {
            found = stations.within(box, community, kind).stream().map(station -> new Found(station, null)).toList();
        } else {
            double latitudeSpan = circle.radiusMetres() / METRES_PER_DEGREE;
            double longitudeSpan = latitudeSpan / Math.max(0.01, Math.cos(Math.toRadians(circle.centre().latitude())));
            StationRepository.Area around = new StationRepository.Area(
                    circle.centre().latitude() - latitudeSpan, circle.centre().longitude() - longitudeSpan,
                    circle.centre().latitude() + latitudeSpan, circle.centre().longitude() + longitudeSpan);
            found = stations.within(around, community, kind).stream()
                    .map(station -> new Found(station,
                            Math.round(circle.centre().distanceMetresTo(station.location()))))
                    .filter(candidate -> candidate.distanceMetres() <= circle.radiusMetres())
                    .sorted(Comparator.comparing(Found::distanceMetres))
                    .toList();
        }
        // In long: page * size overflows an int for a page far beyond the last.
        int from = (int) Math.min(found.size(), (long) page * size);
        return Page.of(found.subList(from, Math.min(found.size(), from + size)), page, size, found.size());
    }
}
