package org.linkage.volunteer.mapping;

import org.linkage.volunteer.api.HoursCertificateResponse;
import org.linkage.volunteer.api.HoursEntryResponse;
import org.linkage.volunteer.api.HoursSummaryResponse;
import org.linkage.volunteer.domain.HoursCertificate;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.domain.HoursSummary;
import org.linkage.volunteer.domain.StarLevels;

import java.util.List;
import java.util.UUID;

public final class HoursMapper {

    public static HoursEntryResponse toResponse(HoursEntry entry) {
        return new HoursEntryResponse(entry.id, entry.source, entry.sourceId, entry.sourceEventId, entry.serviceDate,
                entry.hours, entry.confirmedBy, entry.reason, entry.recordedAt);
    }

    public static HoursSummaryResponse toResponse(UUID volunteerId, HoursSummary summary) {
        return new HoursSummaryResponse(volunteerId, summary.lifetimeHours(), summary.starLevel(),
                StarLevels.nextThreshold(summary.lifetimeHours()).orElse(null),
                summary.years().stream()
                        .map(year -> new HoursSummaryResponse.YearHours(year.year(), year.hours()))
                        .toList());
    }

    public static HoursCertificateResponse toResponse(HoursCertificate certificate, String volunteerName,
                                                      List<HoursEntry> entries) {
        return new HoursCertificateResponse(certificate.id, certificate.number, certificate.volunteerId,
                volunteerName, certificate.issuingOrganisation, certificate.periodFrom, certificate.periodTo,
                certificate.totalHours, certificate.issuedAt, entries.stream().map(HoursMapper::toResponse).toList());
    }

    private HoursMapper() {
    }
}
