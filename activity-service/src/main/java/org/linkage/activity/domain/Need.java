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
import jakarta.persistence.Version;
import org.linkage.events.need.Urgency;

import java.time.Instant;
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
}
