package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.events.volunteer.VolunteerDeactivated;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerStatus;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.repository.VolunteerRepository;
import org.linkage.volunteer.rest.DutyRequest;
import org.linkage.volunteer.rest.ProfileRequest;
import org.linkage.volunteer.rest.RegisterVolunteerRequest;
import org.linkage.volunteer.rest.SkillLevel;
import org.linkage.volunteer.rest.SkillsRequest;
import org.linkage.volunteer.rest.StatusRequest;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class VolunteerService {

    private static final String REGISTER_SCOPE = "volunteer.register";

    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final SkillCatalogue skillCatalogue;

    VolunteerService(VolunteerRepository volunteers, Outbox outbox, IdempotencyKeys idempotencyKeys,
                     SkillCatalogue skillCatalogue) {
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.skillCatalogue = skillCatalogue;
    }

    /** Registers a volunteer, or returns the one an earlier request with the same Idempotency-Key registered. */
    @Transactional
    public Volunteer register(@Valid @NotNull RegisterVolunteerRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once(REGISTER_SCOPE, idempotencyKey, request, () -> create(request).id);
        return volunteers.findById(id);
    }

    private Volunteer create(RegisterVolunteerRequest request) {
        skillCatalogue.requireKnown(request.skills(), i -> "skills[" + i + "]");
        if (request.homeLocation() != null && !request.locationConsent()) {
            throw ProblemException.invalid("locationConsent",
                    "must be true when a home location is given: it is stored only with consent");
        }
        String phone = normalisePhone(request.phone());
        if (volunteers.findByPhone(phone).isPresent()) {
            throw new ProblemException(409, "conflict", "Conflict", "A volunteer with this phone is registered",
                    List.of(new Violation("phone", "is already registered")));
        }
        Instant now = Instant.now();
        Volunteer volunteer = new Volunteer();
        volunteer.id = UUID.randomUUID();
        volunteer.name = request.name().strip();
        volunteer.phone = phone;
        request.skills().forEach(code -> volunteer.skills.put(code, 1));
        if (request.homeLocation() != null) {
            volunteer.homeLatitude = request.homeLocation().latitude();
            volunteer.homeLongitude = request.homeLocation().longitude();
            volunteer.locationConsentAt = now;
        }
        volunteer.onDuty = request.onDuty();
        volunteer.status = VolunteerStatus.ACTIVE;
        volunteer.statusChangedAt = now;
        volunteer.createdAt = now;
        volunteer.updatedAt = now;
        volunteers.persist(volunteer);
        outbox.publish(VolunteerMapper.toRegistered(volunteer));
        return volunteer;
    }

    public Optional<Volunteer> find(UUID id) {
        return volunteers.findByIdOptional(id);
    }

    public Page<Volunteer> list(VolunteerRepository.Filter filter, int page, int size) {
        return Page.of(volunteers.search(filter, page, size), page, size, volunteers.count(filter));
    }

    @Transactional
    public Optional<Volunteer> setOnDuty(UUID id, @Valid @NotNull DutyRequest request, String ifMatch) {
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            if (volunteer.onDuty != request.onDuty()) {
                volunteer.onDuty = request.onDuty();
                touch(volunteer, true);
            }
            return volunteer;
        });
    }

    /** Replaces the volunteer's skills and levels; publishes VolunteerChanged when the set of skills changed. */
    @Transactional
    public Optional<Volunteer> setSkills(UUID id, @Valid @NotNull SkillsRequest request, String ifMatch) {
        List<String> codes = request.skills().stream().map(SkillLevel::code).toList();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.indexOf(codes.get(i)) < i) {
                throw ProblemException.invalid("skills[" + i + "].code", "is listed twice");
            }
        }
        skillCatalogue.requireKnown(codes, i -> "skills[" + i + "].code");
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            Map<String, Integer> levels = new TreeMap<>();
            request.skills().forEach(skill -> levels.put(skill.code(), skill.level()));
            if (!levels.equals(volunteer.skills)) {
                boolean codesChanged = !levels.keySet().equals(volunteer.skills.keySet());
                volunteer.skills.clear();
                volunteer.skills.putAll(levels);
                touch(volunteer, codesChanged);
            }
            return volunteer;
        });
    }

    /** Applies the fields the request carries; publishes VolunteerChanged when the name changed. */
    @Transactional
    public Optional<Volunteer> updateProfile(UUID id, @Valid @NotNull ProfileRequest request, String ifMatch) {
        if (request.birthYear() != null && request.birthYear() > Year.now().getValue()) {
            throw ProblemException.invalid("birthYear", "must not be in the future");
        }
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            String previousName = volunteer.name;
            if (request.name() != null) {
                volunteer.name = request.name().strip();
            }
            if (request.birthYear() != null) {
                volunteer.birthYear = request.birthYear();
            }
            if (request.gender() != null) {
                volunteer.gender = request.gender();
            }
            if (request.homeCommunity() != null) {
                volunteer.homeCommunity = request.homeCommunity().strip();
            }
            if (request.languages() != null) {
                volunteer.languages.clear();
                volunteer.languages.addAll(request.languages());
            }
            if (request.bio() != null) {
                volunteer.bio = request.bio().strip();
            }
            if (request.photoUrl() != null) {
                volunteer.photoUrl = request.photoUrl();
            }
            touch(volunteer, !volunteer.name.equals(previousName));
            return volunteer;
        });
    }

    /**
     * Moves the volunteer along the status machine; publishes VolunteerChanged (the active flag) and, when the
     * volunteer is deactivated, VolunteerDeactivated.
     */
    @Transactional
    public Optional<Volunteer> changeStatus(UUID id, @Valid @NotNull StatusRequest request, String ifMatch) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (request.status().requiresReason() && reason == null) {
            throw ProblemException.invalid("reason", "is required when the status becomes " + request.status());
        }
        return volunteers.findByIdOptional(id).map(volunteer -> {
            ETags.requireMatch(ifMatch, volunteer.version);
            if (!volunteer.status.canBecome(request.status())) {
                throw new ProblemException(409, "conflict", "Conflict",
                        "A " + volunteer.status + " volunteer cannot become " + request.status(),
                        List.of(new Violation("status", "cannot change from " + volunteer.status)));
            }
            volunteer.status = request.status();
            volunteer.statusReason = reason;
            volunteer.statusChangedAt = Instant.now();
            touch(volunteer, true);
            if (volunteer.status == VolunteerStatus.DEACTIVATED) {
                outbox.publish(VolunteerDeactivated.of(volunteer.id, reason));
            }
            return volunteer;
        });
    }

    /** Flushes so that the version (the ETag) is current, and tells other services when their view is stale. */
    private void touch(Volunteer volunteer, boolean othersMustKnow) {
        volunteer.updatedAt = Instant.now();
        volunteers.flush();
        if (othersMustKnow) {
            outbox.publish(VolunteerMapper.toChanged(volunteer));
        }
    }

    private static String normalisePhone(String phone) {
        return phone.startsWith("+86") ? phone.substring(3) : phone;
    }
}
