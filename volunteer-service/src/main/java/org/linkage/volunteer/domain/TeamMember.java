package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A volunteer's membership of a team, from invitation or request to the answer. */
@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
public class TeamMember {

    public static class Key implements Serializable {
        public UUID teamId;
        public UUID volunteerId;

        public Key() {
        }

        public Key(UUID teamId, UUID volunteerId) {
            this.teamId = teamId;
            this.volunteerId = volunteerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(teamId, key.teamId)
                    && Objects.equals(volunteerId, key.volunteerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, volunteerId);
        }
    }

    @Id
    @Column(name = "team_id")
    public UUID teamId;

    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Enumerated(EnumType.STRING)
    public TeamRole role;

    @Enumerated(EnumType.STRING)
    public MembershipState state;

    @Column(name = "asked_at")
    public Instant askedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
