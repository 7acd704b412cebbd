package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A short-lived code shown at the station; checking in or out with it proves the volunteer is there. It admits to one
 * occasion: an activity, or a pairing's session held at the station.
 */
@Entity
@Table(name = "station_code")
public class StationCode {

    @EmbeddedId
    public Key key;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Embeddable
    public record Key(@Column(name = "occasion_id") UUID occasionId, String code) implements Serializable {
    }
}
