package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A verified certification of a volunteer (e.g. the background check children's work requires). */
@Entity
@Table(name = "volunteer_credential")
public class VolunteerCredential {

    /** The certification type children's work requires: a background check (无犯罪记录证明). */
    public static final String BACKGROUND_CHECK = "background-check";

    @Id
    @Column(name = "certification_id")
    public UUID certificationId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "certification_type")
    public String certificationType;

    /** The first day it no longer counts. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    public boolean expired;

    public boolean validOn(LocalDate day) {
        return !expired && day.isBefore(expiresOn);
    }
}
