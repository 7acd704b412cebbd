package org.linkage.matching.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A volunteer as matching knows them: only what the volunteer events told, which is no name and no phone. */
@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "candidate_skill", joinColumns = @JoinColumn(name = "volunteer_id"))
    @Column(name = "skill")
    public Set<String> skills = new TreeSet<>();

    @Column(name = "home_latitude")
    public Double homeLatitude;

    @Column(name = "home_longitude")
    public Double homeLongitude;

    @Column(name = "on_duty")
    public boolean onDuty;

    public boolean active;

    /** The volunteer lets matching use their live position while on duty. */
    @Column(name = "live_position_consent")
    public boolean livePositionConsent;

    /** Skill → level 1 to 5, as the events told; skills missing here are at level 1. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "skill_levels")
    public Map<String, Integer> skillLevels = new HashMap<>();

    public String community;

    /** The volunteer group they serve with (RIDER, COLLEGE_STUDENT...); null when none. */
    @Column(name = "group_type")
    public String groupType;

    /** The group type's labels in volunteer-service's catalogue, as the volunteer's last event carried them. */
    @Column(name = "group_name_zh")
    public String groupNameZh;

    @Column(name = "group_name_en")
    public String groupNameEn;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> languages = new ArrayList<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set once the volunteer asked to be forgotten; nothing about the person is kept after. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Null when the volunteer did not consent to share it. */
    public GeoPoint homeLocation() {
        return homeLatitude == null ? null : new GeoPoint(homeLatitude, homeLongitude);
    }
}
