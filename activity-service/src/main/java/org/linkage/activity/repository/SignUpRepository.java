package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.ActivityStatus;
import org.linkage.activity.domain.SignUp;
import org.linkage.activity.domain.SignUpStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SignUpRepository implements PanacheRepositoryBase<SignUp, UUID> {

    /** Every sign-up of the activity in order of arrival. */
    public List<SignUp> of(UUID activityId) {
        return list("activityId", Sort.ascending("arrival"), activityId);
    }

    public List<SignUp> of(UUID activityId, SignUpStatus status) {
        return list("activityId = ?1 and status = ?2", Sort.ascending("arrival"), activityId, status);
    }

    /** The volunteer's confirmed or waitlisted sign-up. */
    public Optional<SignUp> live(UUID activityId, UUID volunteerId) {
        return find("activityId = ?1 and volunteerId = ?2 and status <> ?3", activityId, volunteerId,
                SignUpStatus.CANCELLED).firstResultOptional();
    }

    /** The volunteer's confirmed or waitlisted sign-ups for activities that have not started (erasure frees them). */
    public List<SignUp> liveBeforeStart(UUID volunteerId, Instant now) {
        return list("volunteerId = ?1 and status <> ?2 and activityId in (select a.id from Activity a"
                + " where a.status = ?3 and a.startsAt > ?4)", volunteerId, SignUpStatus.CANCELLED,
                ActivityStatus.SCHEDULED, now);
    }

    /** The next in line for a freed place. */
    public Optional<SignUp> firstWaiting(UUID activityId) {
        return find("activityId = ?1 and status = ?2", Sort.ascending("arrival"), activityId,
                SignUpStatus.WAITLISTED).firstResultOptional();
    }

    /** 1 for the first in line. */
    public long waitlistPosition(SignUp signUp) {
        return count("activityId = ?1 and status = ?2 and arrival <= ?3", signUp.activityId,
                SignUpStatus.WAITLISTED, signUp.arrival);
    }
}
