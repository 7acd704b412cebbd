package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.CancellationRequest;
import org.linkage.activity.api.ScheduleActivityRequest;
import org.linkage.activity.api.SignUpCancellationRequest;
import org.linkage.activity.api.SignUpRequest;
import org.linkage.activity.domain.Activity;
import org.linkage.activity.domain.ActivityStatus;
import org.linkage.activity.domain.CancelledBy;
import org.linkage.activity.domain.SignUp;
import org.linkage.activity.domain.SignUpStatus;
import org.linkage.activity.mapping.ActivityMapper;
import org.linkage.activity.repository.ActivityRepository;
import org.linkage.activity.repository.SignUpRepository;
import org.linkage.activity.repository.StationRepository;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.web.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Activities and their sign-ups. Every change to an activity's places takes the activity's row lock first, so that
 * concurrent sign-ups are counted one after the other and the database's check on the count never trips.
 */
@ApplicationScoped
public class ActivityService {

    private static final String SCHEDULE_SCOPE = "activity.schedule";
    private static final String SIGN_UP_SCOPE = "activity.sign-up";

    private final ActivityRepository activities;
    private final SignUpRepository signUps;
    private final StationRepository stations;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final CurrentUser user;
    private final Limits limits;
    private final VolunteerStandings standings;

    ActivityService(ActivityRepository activities, SignUpRepository signUps, StationRepository stations,
                    Outbox outbox, IdempotencyKeys idempotencyKeys, CurrentUser user, Limits limits,
                    VolunteerStandings standings) {
        this.limits = limits;
        this.standings = standings;
        this.activities = activities;
        this.signUps = signUps;
        this.stations = stations;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.user = user;
    }

    @Transactional
    public Activity schedule(@Valid @NotNull ScheduleActivityRequest request, String idempotencyKey) {
        var station = stations.findByIdOptional(request.stationId());
        if (station.isEmpty()) {
            throw ProblemException.unprocessable("stationId", "does not exist");
        }
        if (station.get().retiredAt != null) {
            throw ProblemException.unprocessable("stationId", "is a retired station");
        }
        UUID id = idempotencyKeys.once(SCHEDULE_SCOPE, idempotencyKey, request, () -> {
            Activity activity = new Activity();
            activity.id = UUID.randomUUID();
            activity.stationId = request.stationId();
            activity.title = request.title().strip();
            activity.description = request.description() == null ? null : request.description().strip();
            activity.startsAt = request.startsAt();
            activity.endsAt = request.endsAt();
            activity.capacity = request.capacity();
            activity.requiredSkills = new ArrayList<>(request.requiredSkills());
            activity.requiredCertifications = new ArrayList<>(request.requiredCertifications());
            activity.withChildren = request.withChildren();
            activity.audience = new ArrayList<>(standings.knownGroups("audience", request.audience()));
            activity.status = ActivityStatus.SCHEDULED;
            activity.organiser = request.organiser().strip();
            activity.createdAt = DatabaseClock.now();
            activities.persist(activity);
            return activity.id;
        });
        return activities.findById(id);
    }

    public Optional<Activity> find(UUID id) {
        return activities.findByIdOptional(id);
    }

    public Activity require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Activity", id));
    }

    public Page<Activity> list(ActivityRepository.Filter filter, int page, int size) {
        return Page.of(activities.search(filter, page, size), page, size, activities.count(filter));
    }

    /** Staff call the activity off: every live sign-up ends, and the volunteers holding a place are told. */
    @Transactional
    public Activity cancel(UUID id, @Valid @NotNull CancellationRequest request) {
        user.actor("cancelledBy", request.cancelledBy());
        Activity activity = lockOpen(id, "cancelled");
        List<UUID> holders = new ArrayList<>();
        Instant now = DatabaseClock.now();
        for (SignUp signUp : signUps.of(id)) {
            if (signUp.status == SignUpStatus.CONFIRMED) {
                holders.add(signUp.volunteerId);
            }
            if (signUp.status != SignUpStatus.CANCELLED) {
                signUp.status = SignUpStatus.CANCELLED;
                signUp.cancelledBy = CancelledBy.STAFF;
                signUp.updatedAt = now;
            }
        }
        activity.status = ActivityStatus.CANCELLED;
        activity.cancelReason = request.reason() == null ? null : request.reason().strip();
        activity.confirmedCount = 0;
        outbox.publish(ActivityMapper.toCancelled(activity, holders));
        activities.flush();
        return activity;
    }

    /**
     * A place if one is free, else a place in the waitlist (or a 409 when the volunteer would rather not wait).
     * A retry with the same Idempotency-Key returns the first sign-up. A volunteer has a few sign-ups a day (429).
     */
    @Transactional
    public SignUp signUp(UUID activityId, @Valid @NotNull SignUpRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once(SIGN_UP_SCOPE + ":" + activityId, idempotencyKey, request, () -> {
            Activity activity = lockOpen(activityId, "signed up for");
            if (signUps.live(activityId, request.volunteerId()).isPresent()) {
                throw ProblemException.conflict("Volunteer " + request.volunteerId()
                        + " is already signed up for activity " + activityId);
            }
            standings.requireFitFor(activity, request.volunteerId());
            if (activity.isFull() && !request.joinWaitlist()) {
                throw ProblemException.conflict("Activity " + activityId + " is full: all " + activity.capacity
                        + " places are taken");
            }
            // Counted only here, so that a retry with the same Idempotency-Key does not count twice.
            limits.signUp(request.volunteerId());
            Instant now = DatabaseClock.now();
            SignUp signUp = new SignUp();
            signUp.id = UUID.randomUUID();
            signUp.activityId = activityId;
            signUp.volunteerId = request.volunteerId();
            signUp.createdAt = now;
            signUp.updatedAt = now;
            signUp.status = activity.isFull() ? SignUpStatus.WAITLISTED : SignUpStatus.CONFIRMED;
            signUps.persist(signUp);
            if (signUp.status == SignUpStatus.CONFIRMED) {
                activity.confirmedCount++;
                outbox.publish(ActivityMapper.toConfirmed(activity, stationName(activity), signUp));
            }
            // Draws the arrival number now, while the lock is held, so that it orders the waitlist.
            signUps.flush();
            return signUp.id;
        });
        return signUps.findById(id);
    }

    /** Either side ends a sign-up; a freed place goes to the first in the waitlist. */
    @Transactional
    public SignUp cancelSignUp(UUID activityId, UUID signUpId, @Valid @NotNull SignUpCancellationRequest request) {
        Activity activity = lockOpen(activityId, "changed");
        SignUp signUp = signUpOf(activityId, signUpId);
        if (signUp.status == SignUpStatus.CANCELLED) {
            throw Problems.invalidTransition("Sign-up " + signUpId, signUp.status, "cancelled");
        }
        Instant now = DatabaseClock.now();
        boolean heldAPlace = signUp.status == SignUpStatus.CONFIRMED;
        signUp.status = SignUpStatus.CANCELLED;
        signUp.cancelledBy = request.cancelledBy();
        signUp.updatedAt = now;
        if (heldAPlace) {
            activity.confirmedCount--;
            outbox.publish(ActivityMapper.toCancelled(signUp));
            signUps.firstWaiting(activityId).ifPresent(next -> {
                next.status = SignUpStatus.CONFIRMED;
                next.promoted = true;
                next.updatedAt = now;
                activity.confirmedCount++;
                outbox.publish(ActivityMapper.toConfirmed(activity, stationName(activity), next));
            });
        }
        signUps.flush();
        return signUp;
    }

    public SignUp signUpOf(UUID activityId, UUID signUpId) {
        return signUps.findByIdOptional(signUpId)
                .filter(candidate -> candidate.activityId.equals(activityId))
                .orElseThrow(() -> ProblemException.notFound("Sign-up", signUpId));
    }

    public List<SignUp> signUpsOf(UUID activityId) {
        require(activityId);
        return signUps.of(activityId);
    }

    public Long waitlistPosition(SignUp signUp) {
        return signUp.status == SignUpStatus.WAITLISTED ? signUps.waitlistPosition(signUp) : null;
    }

    /** Locks the activity, which must still be scheduled and not yet started, for a change to its places. */
    private Activity lockOpen(UUID id, String action) {
        Activity activity = activities.lock(id).orElseThrow(() -> ProblemException.notFound("Activity", id));
        if (activity.status != ActivityStatus.SCHEDULED) {
            throw Problems.invalidTransition("Activity " + id, activity.status, action);
        }
        if (!activity.startsAt.isAfter(Instant.now())) {
            throw ProblemException.conflict("Activity " + id + " has started and cannot be " + action);
        }
        return activity;
    }

    private String stationName(Activity activity) {
        return stations.findByIdOptional(activity.stationId).map(station -> station.name).orElse(null);
    }
}
