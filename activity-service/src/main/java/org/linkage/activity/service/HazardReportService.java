package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.HazardAssignmentRequest;
import org.linkage.activity.api.ResolutionRequest;
import org.linkage.activity.api.TriageRequest;
import org.linkage.activity.config.HazardsConfig;
import org.linkage.activity.domain.HazardPhoto;
import org.linkage.activity.domain.HazardReport;
import org.linkage.activity.domain.HazardStatus;
import org.linkage.activity.domain.ImageType;
import org.linkage.activity.domain.PhotoMetadata;
import org.linkage.activity.repository.HazardPhotoRepository;
import org.linkage.activity.repository.HazardReportRepository;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HazardReportService {

    private static final double METRES_PER_DEGREE = 111_320;

    private final HazardReportRepository reports;
    private final HazardPhotoRepository photos;
    private final HazardsConfig config;
    private final CurrentUser user;
    private final Limits limits;

    HazardReportService(HazardReportRepository reports, HazardPhotoRepository photos, HazardsConfig config,
                        CurrentUser user, Limits limits) {
        this.limits = limits;
        this.reports = reports;
        this.photos = photos;
        this.config = config;
        this.user = user;
    }

    /** What a volunteer sends, the photo as the file the upload was spooled to. */
    public record NewReport(String category, String description, GeoPoint location, String community,
                            UUID reportedBy, Path photo, long photoSize) {
    }

    /**
     * Stores the report and its photo, after checking the photo's size and, by its first bytes, that it is an image;
     * flags it as a likely duplicate of an earlier report close by and shortly before.
     *
     * @throws ProblemException 413 for a photo over the limit, 415 for anything but JPEG, PNG or WebP, 429 when
     *                          the reporter has sent too many reports in the last hour
     */
    @Transactional
    public HazardReport report(NewReport report) {
        limits.hazardReport(report.reportedBy());
        if (report.photoSize() > config.maxPhotoBytes()) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "photo: must be at most " + config.maxPhotoBytes() + " bytes",
                    List.of(new Violation("photo", "must be at most " + config.maxPhotoBytes() + " bytes")));
        }
        ImageType type = ImageType.of(header(report.photo())).orElseThrow(() -> new ProblemException(415,
                "unsupported-media-type", "Unsupported media type", "photo: must be a JPEG, PNG or WebP image",
                List.of(new Violation("photo", "must be a JPEG, PNG or WebP image"))));
        HazardReport hazard = new HazardReport();
        hazard.id = UUID.randomUUID();
        hazard.category = report.category();
        hazard.description = report.description() == null ? null : report.description().strip();
        hazard.latitude = report.location().latitude();
        hazard.longitude = report.location().longitude();
        hazard.community = report.community();
        hazard.reportedBy = report.reportedBy();
        hazard.reportedAt = DatabaseClock.now();
        hazard.status = HazardStatus.REPORTED;
        hazard.likelyDuplicateOf = earlierReportNear(hazard).orElse(null);
        reports.persist(hazard);

        HazardPhoto photo = new HazardPhoto();
        photo.reportId = hazard.id;
        photo.contentType = type.mediaType;
        photo.bytes = withoutMetadata(type, read(report.photo()));
        photo.sizeBytes = photo.bytes.length;
        photos.persist(photo);
        return hazard;
    }

    /** The first report of the same spot within the window; a duplicate's original, not the duplicate itself. */
    private Optional<UUID> earlierReportNear(HazardReport hazard) {
        double latitudeSpan = config.duplicateRadiusMetres() / METRES_PER_DEGREE;
        double longitudeSpan = latitudeSpan / Math.max(0.01, Math.cos(Math.toRadians(hazard.latitude)));
        return reports.since(hazard.reportedAt.minus(config.duplicateWindow()),
                        hazard.latitude - latitudeSpan, hazard.latitude + latitudeSpan,
                        hazard.longitude - longitudeSpan, hazard.longitude + longitudeSpan).stream()
                .filter(earlier -> earlier.location().distanceMetresTo(hazard.location())
                        <= config.duplicateRadiusMetres())
                .findFirst()
                .map(earlier -> earlier.likelyDuplicateOf != null ? earlier.likelyDuplicateOf : earlier.id);
    }

    @Transactional
    public HazardReport triage(UUID id, @Valid @NotNull TriageRequest request) {
        String triagedBy = user.actor("triagedBy", request.triagedBy());
        HazardReport hazard = move(id, HazardStatus.Action.TRIAGE, "triaged");
        hazard.severity = request.severity().name();
        hazard.triagedBy = triagedBy;
        reports.flush();
        return hazard;
    }

    @Transactional
    public HazardReport assign(UUID id, @Valid @NotNull HazardAssignmentRequest request) {
        HazardReport hazard = move(id, HazardStatus.Action.ASSIGN, "assigned");
        hazard.assignee = request.assignee().strip();
        reports.flush();
        return hazard;
    }

    @Transactional
    public HazardReport resolve(UUID id, @Valid @NotNull ResolutionRequest request) {
        return close(id, HazardStatus.Action.RESOLVE, "resolved", request);
    }

    @Transactional
    public HazardReport dismiss(UUID id, @Valid @NotNull ResolutionRequest request) {
        return close(id, HazardStatus.Action.DISMISS, "dismissed", request);
    }

    private HazardReport close(UUID id, HazardStatus.Action action, String verb, ResolutionRequest request) {
        String resolvedBy = user.actor("resolvedBy", request.resolvedBy());
        HazardReport hazard = move(id, action, verb);
        hazard.resolution = request.resolution().strip() + " (" + resolvedBy + ")";
        hazard.resolvedAt = DatabaseClock.now();
        reports.flush();
        return hazard;
    }

    private HazardReport move(UUID id, HazardStatus.Action action, String verb) {
        HazardReport hazard = require(id);
        hazard.status = hazard.status.after(action)
                .orElseThrow(() -> Problems.invalidTransition("Hazard report " + id, hazard.status, verb));
        return hazard;
    }

    public HazardReport require(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Hazard report", id));
    }

    public Optional<HazardPhoto> photo(UUID reportId) {
        return photos.findByIdOptional(reportId);
    }

    public Page<HazardReport> list(HazardReportRepository.Filter filter, int page, int size) {
        return Page.of(reports.search(filter, page, size), page, size, reports.count(filter));
    }

    /** The report has its own position: the photo's EXIF (GPS and all) is not kept. */
    private static byte[] withoutMetadata(ImageType type, byte[] bytes) {
        try {
            return PhotoMetadata.strip(type, bytes);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "photo: is not a well-formed " + type.name() + " image",
                    List.of(new Violation("photo", "is not a well-formed " + type.name() + " image")));
        }
    }

    private static byte[] header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ImageType.HEADER_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
