package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.domain.VolunteerDuty;
import org.linkage.notification.repository.DutyRepository;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whether volunteers are on duty, kept from volunteer-service's events, so that an offer's push or SMS that falls due
 * after its volunteer went off duty is not sent ({@link DeliveryDispatcher}).
 */
@ApplicationScoped
public class DutyService {

    private final DutyRepository duties;

    DutyService(DutyRepository duties) {
        this.duties = duties;
    }

    /** What a VolunteerRegistered or VolunteerChanged said (the events of a volunteer arrive in order). */
    @Transactional
    public void changed(UUID volunteerId, boolean onDuty, boolean active) {
        String volunteer = volunteerId.toString();
        VolunteerDuty duty = duties.findByIdOptional(volunteer).orElseGet(VolunteerDuty::new);
        duty.volunteer = volunteer;
        duty.onDuty = onDuty;
        duty.active = active;
        duty.updatedAt = DatabaseClock.now();
        duties.persist(duty);
    }

    /** The volunteer left the service for good. */
    @Transactional
    public void deactivated(UUID volunteerId) {
        changed(volunteerId, false, false);
    }

    @Transactional
    public void erase(String volunteer) {
        duties.deleteById(volunteer);
    }

    /** Of these people, those an offer must not reach now: volunteers known to be off duty or gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> unreachable(Collection<String> people) {
        return Set.copyOf(duties.unreachable(people));
    }
}
