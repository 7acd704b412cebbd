package org.linkage.activity.domain;

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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkage.events.GeoPoint;
import org.linkage.events.need.Urgency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "need")
public class Need {

    @Id
    public UUID id;

    /** One of the {@link NeedCategory} codes. */
    public String category;

    @Column(name = "required_skill")
    public String requiredSkill;

    public double latitude;

    public double longitude;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    @Column(name = "volunteers_needed")
    public int volunteersNeeded;

    /** The social worker who raised the need and follows it. */
    @Column(name = "requested_by")
    public String requestedBy;

    public String summary;

    @Enumerated(EnumType.STRING)
    public NeedStatus status;

    /** Why the need is in its status, when matching said so (e.g. why nobody could be matched). */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "assigned_volunteer_id")
    public UUID assignedVolunteerId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    /** Optional: a need may serve the community rather than one person. */
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "care_category")
    @Enumerated(EnumType.STRING)
    public FocusGroup careCategory;

    public String community;

    /** The location is the beneficiary's home, which events carry only blurred. */
    @Column(name = "at_beneficiary_home")
    public boolean atBeneficiaryHome;

    @Column(name = "estimated_hours")
    public BigDecimal estimatedHours;

    @Column(name = "required_certifications")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requiredCertifications = new ArrayList<>();

    @Column(name = "required_training")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requiredTraining = new ArrayList<>();

    /** The volunteer groups ({@link VolunteerGroup} names) matching may offer the need to; empty for anyone. */
    @Column(name = "volunteer_groups")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> volunteerGroups = new ArrayList<>();

    @Column(name = "radius_metres")
    public Integer radiusMetres;

    /** When the need must be matched at the latest. */
    public Instant deadline;

    /** The recurring series this need is an occurrence of. */
    @Column(name = "series_id")
    public UUID seriesId;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "need_id", nullable = false)
    @OrderBy("acceptedAt, assignmentId")
    public List<NeedAssignment> assignments = new ArrayList<>();

    @Column(name = "service_date")
    public LocalDate serviceDate;

    /** The social worker who confirmed the completion. */
    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    // An indexed list, so that a new entry is one INSERT rather than rewriting the whole history.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "need_status_change", joinColumns = @JoinColumn(name = "need_id"))
    @OrderColumn(name = "position")
    public List<StatusChange> statusHistory = new ArrayList<>();

    /** Optimistic lock; also the ETag. */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public Optional<NeedAssignment> assignmentOf(UUID volunteerId) {
        return assignments.stream().filter(assignment -> assignment.volunteerId.equals(volunteerId)).findFirst();
    }
}
