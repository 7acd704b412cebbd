package org.linkage.volunteer.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "volunteer")
public class Volunteer {

    @Id
    public UUID id;

    public String name;

    public String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "volunteer_skill", joinColumns = @JoinColumn(name = "volunteer_id"))
    @Column(name = "skill")
    public Set<String> skills = new TreeSet<>();

    @Column(name = "home_latitude")
    public Double homeLatitude;

    @Column(name = "home_longitude")
    public Double homeLongitude;

    /** When the volunteer consented to their home location being stored and used for matching. */
    @Column(name = "location_consent_at")
    public Instant locationConsentAt;

    @Column(name = "on_duty")
    public boolean onDuty;

    @Enumerated(EnumType.STRING)
    public VolunteerStatus status;

    /** Optimistic lock; also the ETag. */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return status == VolunteerStatus.ACTIVE;
    }
}
