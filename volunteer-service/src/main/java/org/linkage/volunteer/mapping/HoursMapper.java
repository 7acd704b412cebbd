package org.linkage.volunteer.mapping;

import org.linkage.chassis.web.Period;
import org.linkage.volunteer.api.CertificateCheckResponse;
import org.linkage.volunteer.api.CertificateVerificationResponse;
import org.linkage.volunteer.api.HoursCertificateResponse;
import org.linkage.volunteer.api.HoursEntryResponse;
import org.linkage.volunteer.api.HoursStatisticsResponse;
import org.linkage.volunteer.api.HoursSummaryResponse;
import org.linkage.volunteer.domain.CertificateVerification;
import org.linkage.volunteer.domain.GroupHours;
import org.linkage.volunteer.domain.HoursCertificate;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.domain.HoursSummary;
import org.linkage.volunteer.domain.StarLevels;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

public final class HoursMapper {

    /** The roll-up of a period: the groups' and organisations' totals and their sum. */
    public static HoursStatisticsResponse toStatistics(Period period, String community, GroupHours.Rollup rollup) {
        return new HoursStatisticsResponse(period.from(), period.to(), community, rollup.hours(),
                rollup.volunteers(),
                rollup.byGroup().stream().map(group -> new HoursStatisticsResponse.GroupHours(group.group(),
                        group.volunteers(), group.hours())).toList(),
                rollup.byOrganisation().stream().map(organisation -> new HoursStatisticsResponse.OrganisationHours(
                        organisation.group(), organisation.volunteers(), organisation.hours())).toList());
    }

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
                                                      List<HoursEntry> entries, String verificationUrl) {
        return new HoursCertificateResponse(certificate.id, certificate.number, certificate.volunteerId,
                volunteerName, certificate.issuingOrganisation, certificate.periodFrom, certificate.periodTo,
                certificate.totalHours, hoursByYear(entries), certificate.starLevel, certificate.issuedAt,
                verificationUrl, certificate.pdfSha256, entries.stream().map(HoursMapper::toResponse).toList(),
                certificate.revokedAt, certificate.revocationReason);
    }

    /** The entries' hours per calendar year of service, earliest year first. */
    private static List<HoursSummaryResponse.YearHours> hoursByYear(List<HoursEntry> entries) {
        Map<Integer, BigDecimal> years = new TreeMap<>();
        entries.forEach(entry -> years.merge(entry.serviceDate.getYear(), entry.hours, BigDecimal::add));
        return years.entrySet().stream()
                .map(year -> new HoursSummaryResponse.YearHours(year.getKey(), year.getValue()))
                .toList();
    }

    public static CertificateVerificationResponse toResponse(CertificateVerification verification) {
        return new CertificateVerificationResponse(verification.number(), status(verification),
                verification.issuedAt(), verification.issuingOrganisation(), verification.maskedHolder(),
                verification.pdfSha256());
    }

    public static CertificateCheckResponse toCheck(CertificateVerification verification, byte[] file) {
        return new CertificateCheckResponse(verification.matches(file), status(verification),
                CertificateVerification.sha256(file));
    }

    private static CertificateVerificationResponse.Status status(CertificateVerification verification) {
        return verification.revoked() ? CertificateVerificationResponse.Status.REVOKED
                : CertificateVerificationResponse.Status.VALID;
    }

    private HoursMapper() {
    }
}
