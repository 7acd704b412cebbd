package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/** A resident the district serves. Everything here is personal data and never leaves the service in events. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary {

    /** Below this age a guardian consents for the child. */
    public static final int AGE_OF_CONSENT = 14;

    /** Below this age a beneficiary is a minor: a pairing needs the guardian's consent. */
    public static final int AGE_OF_MAJORITY = 18;

    @Id
    public UUID id;

    @Column(name = "focus_group")
    @Enumerated(EnumType.STRING)
    public FocusGroup focusGroup;

    @Column(name = "full_name")
    public String fullName;

    public String phone;

    public String address;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "home_latitude")
    public double homeLatitude;

    @Column(name = "home_longitude")
    public double homeLongitude;

    public String community;

    /** The social worker responsible for the beneficiary. */
    @Column(name = "social_worker_id")
    public String socialWorkerId;

    @Embedded
    public Guardian guardian;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public GeoPoint home() {
        return new GeoPoint(homeLatitude, homeLongitude);
    }

    /** A minor needs a guardian, and the guardian's consent before anything is done for them. */
    public boolean isMinorOn(LocalDate today) {
        return isMinor(birthDate, today);
    }

    /** Whether the beneficiary is younger than the age on that day; false when the birth date is unknown. */
    public boolean isUnder(int age, LocalDate today) {
        return birthDate != null && Period.between(birthDate, today).getYears() < age;
    }

    /**
     * Protection follows the date of birth, not only the label: a CHILD record, or anyone under 18, is seen in full
     * by the responsible social worker alone, and every read is audited.
     */
    public boolean isProtectedChild(LocalDate today) {
        return focusGroup == FocusGroup.CHILD || isUnder(AGE_OF_MAJORITY, today);
    }

    public static boolean isMinor(LocalDate birthDate, LocalDate today) {
        return birthDate != null && Period.between(birthDate, today).getYears() < AGE_OF_CONSENT;
    }
}
