package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session of a pairing: tutoring at a station, a home visit or an outing, checked in and out by staff. */
@Entity
@Table(name = "pairing_session")
public class PairingSession {

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Enumerated(EnumType.STRING)
    public SessionKind kind;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "station_id")
    public UUID stationId;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @Column(name = "scheduled_by")
    public String scheduledBy;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "checked_in_by")
    public String checkedInBy;

    @Column(name = "checked_out_at")
    public Instant checkedOutAt;

    @Column(name = "checked_out_by")
    public String checkedOutBy;

    public BigDecimal hours;

    @Column(name = "service_date")
    public LocalDate serviceDate;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public long version;

    public Duration length() {
        return Duration.between(startsAt, endsAt);
    }

    /**
     * A home visit shows the volunteer the child's address from a little before it starts until it ends, while it
     * is neither cancelled nor completed.
     */
    public boolean revealsAddressAt(Instant now, Duration before) {
        return kind == SessionKind.HOME_VISIT
                && (status == SessionStatus.SCHEDULED || status == SessionStatus.CHECKED_IN)
                && !now.isBefore(startsAt.minus(before)) && now.isBefore(endsAt);
    }
}
