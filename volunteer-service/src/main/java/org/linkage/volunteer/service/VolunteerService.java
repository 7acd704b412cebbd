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
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerStatus;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.repository.VolunteerRepository;
import org.linkage.volunteer.rest.DutyRequest;
import org.linkage.volunteer.rest.RegisterVolunteerRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
public class VolunteerService {

    private static final String REGISTER_SCOPE = "volunteer.register";

    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;

    VolunteerService(VolunteerRepository volunteers, Outbox outbox, IdempotencyKeys idempotencyKeys) {
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** Registers a volunteer, or returns the one an earlier request with the same Idempotency-Key registered. */
    @Transactional
    public Volunteer register(@Valid @NotNull RegisterVolunteerRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once(REGISTER_SCOPE, idempotencyKey, request, () -> create(request).id);
        return volunteers.findById(id);
    }

    private Volunteer create(RegisterVolunteerRequest request) {
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
        volunteer.skills = new TreeSet<>(request.skills());
        if (request.homeLocation() != null) {
            volunteer.homeLatitude = request.homeLocation().latitude();
            volunteer.homeLongitude = request.homeLocation().longitude();
            volunteer.locationConsentAt = now;
        }
        volunteer.onDuty = request.onDuty();
        volunteer.status = VolunteerStatus.ACTIVE;
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
                volunteer.updatedAt = Instant.now();
                volunteers.flush();
                outbox.publish(VolunteerMapper.toChanged(volunteer));
            }
            return volunteer;
        });
    }

    private static String normalisePhone(String phone) {
        return phone.startsWith("+86") ? phone.substring(3) : phone;
    }
}
