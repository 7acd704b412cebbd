package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A phone with the app, registered by the person using it. The token is the push service's address of the app on
 * that phone: it is sent only to that push service, never shown whole, logged or put in an event.
 */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    /** The person it belongs to: the access token's subject (a volunteer id or a staff account). */
    public String owner;

    @Enumerated(EnumType.STRING)
    public DevicePlatform platform;

    @Enumerated(EnumType.STRING)
    public PushRoute route;

    /** Unique per route: registering it again moves it to whoever registers it (a shared phone). */
    public String token;

    @Column(name = "app_version")
    public String appVersion;

    /** BCP 47, as the phone reports it; informational, notifications follow the person's preferences. */
    public String locale;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** The last registration of this token; the oldest device goes when a person registers one too many. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Enough of the token for a person to tell their phones apart; never the token itself. */
    public String maskedToken() {
        return "…" + token.substring(token.length() - 6);
    }

    @Override
    public String toString() {
        return "Device[" + id + ", " + route + ", " + maskedToken() + "]";
    }
}
