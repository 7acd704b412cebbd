package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A login (issuer + subject of the identity provider's tokens) that acts as a volunteer. */
@Entity
@Table(name = "identity_link")
public class IdentityLink {

    /** How the link came about. */
    public enum Via {
        /** The person registered themselves with this login. */
        SELF_REGISTRATION,
        /** The person entered the invitation code staff had sent them. */
        INVITATION,
        /** Staff linked the login by hand. */
        STAFF
    }

    @Id
    public UUID id;

    public String issuer;

    public String subject;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public String via;

    /** The volunteer themselves, or the member of staff. */
    @Column(name = "linked_by")
    public String linkedBy;

    @Column(name = "linked_at")
    public Instant linkedAt;
}
