package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.volunteer.api.AvailabilityRequest;
import org.linkage.volunteer.domain.Availability;
import org.linkage.volunteer.domain.AvailabilityRules;
import org.linkage.volunteer.mapping.AvailabilityMapper;
import org.linkage.volunteer.repository.AvailabilityRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AvailabilityService {

    private final AvailabilityRepository availabilities;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final DistrictConfig district;

    AvailabilityService(AvailabilityRepository availabilities, VolunteerRepository volunteers, Outbox outbox,
                        DistrictConfig district) {
        this.availabilities = availabilities;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.district = district;
    }

    /** Empty when the volunteer does not exist; a volunteer who never set one has none. */
    public Optional<Availability> find(UUID volunteerId) {
        return volunteers.findByIdOptional(volunteerId)
                .map(volunteer -> availabilities.findByIdOptional(volunteerId).orElseGet(() -> none(volunteerId)));
    }

    /** Replaces the volunteer's availability and publishes it whole as VolunteerAvailabilityChanged. */
    @Transactional
    public Optional<Availability> replace(UUID volunteerId, @Valid @NotNull AvailabilityRequest request) {
        List<Availability.Slot> slots = AvailabilityMapper.slots(request);
        List<Availability.DatedException> exceptions = AvailabilityMapper.exceptions(request);
        Invalid.rejectIfAny(AvailabilityRules.violations(slots, exceptions));
        var volunteer = volunteers.findByIdOptional(volunteerId);
        if (volunteer.isEmpty()) {
            return Optional.empty();
        }
        VolunteerService.requireNotErased(volunteer.get());
        Optional<Availability> existing = availabilities.findByIdOptional(volunteerId);
        Availability availability = existing.orElseGet(() -> none(volunteerId));
        availability.weeklySlots.clear();
        availability.weeklySlots.addAll(slots);
        availability.exceptions.clear();
        availability.exceptions.addAll(exceptions);
        availability.weeklyHoursCap = request.weeklyHoursCap();
        availability.updatedAt = Instant.now();
        if (existing.isEmpty()) {
            availabilities.persist(availability);
        }
        outbox.publish(AvailabilityMapper.toChanged(availability, district.timeZone()));
        return Optional.of(availability);
    }

    private static Availability none(UUID volunteerId) {
        Availability availability = new Availability();
        availability.volunteerId = volunteerId;
        return availability;
    }
}
