package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to link a login to a volunteer staff registered, by a one-time code sent to their mobile number.
 * The code itself is never stored: only {@link InvitationCodes#hash}.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public enum Status {
        /** Sent and still redeemable (unless expired). */
        PENDING,
        /** Used: the login is linked. */
        REDEEMED,
        /** Too many wrong codes; staff send a new one. */
        LOCKED,
        /** Staff took it back. */
        REVOKED,
        /** A newer invitation replaced it. */
        SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public String phone;

    @Column(name = "code_hash")
    public String codeHash;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
