package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A reminder due before an activity; a row in the database so that it fires after restarts too. */
@Entity
@Table(name = "activity_reminder")
public class ActivityReminder {

    @Id
    public UUID id;

    @Column(name = "sign_up_id")
    public UUID signUpId;

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "volunteer_id")
    public String volunteerId;

    @Enumerated(EnumType.STRING)
    public ReminderLead lead;

    @Column(name = "due_at")
    public Instant dueAt;

    public String title;

    @Column(name = "station_name")
    public String stationName;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /**
     * The same for the same sign-up and lead: it is also the reminder notification's source, so a reminder
     * scheduled again after it fired is not sent twice.
     */
    public static UUID idOf(UUID signUpId, ReminderLead lead) {
        return UUID.nameUUIDFromBytes((signUpId + "/" + lead).getBytes(StandardCharsets.UTF_8));
    }
}
