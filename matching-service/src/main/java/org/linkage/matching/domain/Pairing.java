package org.linkage.matching.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One-to-one pairings proposed for a group of beneficiaries; the offers go out when the social worker approves. */
@Entity
@Table(name = "pairing")
public class Pairing {

    public enum Status {
        PROPOSED, APPROVED
    }

    @Id
    public UUID id;

    @Column(name = "requested_by")
    public String requestedBy;

    /** The requesting social worker's community; null when an admin asked. */
    public String community;

    public String category;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "total_score")
    public double totalScore;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pairing_pair", joinColumns = @JoinColumn(name = "pairing_id"))
    @OrderColumn(name = "position")
    public List<PairingPair> pairs = new ArrayList<>();
}
