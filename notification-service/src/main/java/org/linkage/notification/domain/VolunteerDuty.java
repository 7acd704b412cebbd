package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Whether a volunteer is on duty and active, as volunteer-service's events last said. */
@Entity
@Table(name = "volunteer_duty")
public class VolunteerDuty {

    @Id
    public String volunteer;

    @Column(name = "on_duty")
    public boolean onDuty;

    public boolean active;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** An offer may reach them now. */
    public boolean reachable() {
        return onDuty && active;
    }
}
