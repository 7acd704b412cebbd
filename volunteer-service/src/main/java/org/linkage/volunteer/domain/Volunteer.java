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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.SortNatural;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "volunteer")
public class Volunteer {

    /** What an erased volunteer is called from then on. */
    public static final String ERASED_NAME = "已注销志愿者";

    @Id
    public UUID id;

    public String name;

    public String phone;

    /** Skill code to level (1 beginner, 2 experienced, 3 expert). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "volunteer_skill", joinColumns = @JoinColumn(name = "volunteer_id"))
    @MapKeyColumn(name = "skill")
    @Column(name = "level")
    @SortNatural
    public SortedMap<String, Integer> skills = new TreeMap<>();

    @Column(name = "home_latitude")
    public Double homeLatitude;

    @Column(name = "home_longitude")
    public Double homeLongitude;

    /** When the volunteer consented to their home location being stored and used for matching. */
    @Column(name = "location_consent_at")
    public Instant locationConsentAt;

    /** What the volunteer agreed their location may be used for. */
    @Column(name = "location_consent_purpose")
    public String locationConsentPurpose;

    @Column(name = "location_consent_withdrawn_at")
    public Instant locationConsentWithdrawnAt;

    /** When the volunteer consented to sharing their live position while on duty (a consent of its own). */
    @Column(name = "live_position_consent_at")
    public Instant livePositionConsentAt;

    @Column(name = "live_position_consent_purpose")
    public String livePositionConsentPurpose;

    @Column(name = "live_position_consent_withdrawn_at")
    public Instant livePositionConsentWithdrawnAt;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Column(name = "home_community")
    public String homeCommunity;

    /** The code of their group type (catalogue volunteer_group_type); null when none. */
    @Column(name = "group_type")
    public String groupType;

    /** The code of the school, platform, Party branch or grid they come through (catalogue organisation). */
    public String organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "volunteer_language", joinColumns = @JoinColumn(name = "volunteer_id"))
    @Column(name = "language")
    @SortNatural
    public SortedSet<String> languages = new TreeSet<>();

    public String bio;

    @Column(name = "photo_url")
    public String photoUrl;

    @Column(name = "on_duty")
    public boolean onDuty;

    @Enumerated(EnumType.STRING)
    public VolunteerStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** When the personal data was erased at the volunteer's request; null while it is kept. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Optimistic lock; also the ETag. */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Stores the home location together with the consent that allows it. */
    public void consentToLocation(double latitude, double longitude, String purpose, Instant at) {
        homeLatitude = latitude;
        homeLongitude = longitude;
        locationConsentAt = at;
        locationConsentPurpose = purpose;
        locationConsentWithdrawnAt = null;
    }

    /** The location goes with the consent; when it was withdrawn stays on record. */
    public void withdrawLocationConsent(Instant at) {
        homeLatitude = null;
        homeLongitude = null;
        locationConsentAt = null;
        locationConsentPurpose = null;
        locationConsentWithdrawnAt = at;
    }

    public void consentToLivePosition(String purpose, Instant at) {
        livePositionConsentAt = at;
        livePositionConsentPurpose = purpose;
        livePositionConsentWithdrawnAt = null;
    }

    /** @return whether there was a consent to withdraw */
    public boolean withdrawLivePositionConsent(Instant at) {
        boolean had = livePositionConsentAt != null;
        livePositionConsentAt = null;
        livePositionConsentPurpose = null;
        livePositionConsentWithdrawnAt = had ? at : livePositionConsentWithdrawnAt;
        return had;
    }

    public boolean consentsToLivePosition() {
        return livePositionConsentAt != null;
    }

    /** Keeps only what identifies no one: the id (for the hours ledger) and the fact of leaving. */
    public void erase(Instant at) {
        name = ERASED_NAME;
        phone = "erased:" + id;
        withdrawLocationConsent(at);
        withdrawLivePositionConsent(at);
        birthYear = null;
        gender = null;
        homeCommunity = null;
        groupType = null;
        organisation = null;
        languages.clear();
        bio = null;
        photoUrl = null;
        skills.clear();
        onDuty = false;
        status = VolunteerStatus.DEACTIVATED;
        statusReason = "Personal data erased at the volunteer's request";
        statusChangedAt = at;
        erasedAt = at;
    }

    public List<String> skillCodes() {
        return List.copyOf(skills.keySet());
    }

    public boolean isActive() {
        return status == VolunteerStatus.ACTIVE;
    }
}
