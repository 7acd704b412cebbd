package org.linkage.matching.mapping;

import org.linkage.events.MalformedEventException;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.matching.domain.Need;

import java.time.Instant;
import java.util.ArrayList;

public final class NeedMapper {

    /** @throws MalformedEventException when the event lacks what matching needs, so it goes to the dead letters */
    /** @param raisedAt when the social worker raised it; the time to the first offer is counted from here */
    public static Need fromRaised(NeedRaised event, Instant raisedAt) {
        if (event.needId() == null || event.category() == null || event.requiredSkill() == null
                || event.location() == null || event.window() == null || event.urgency() == null
                || event.volunteersNeeded() < 1 || event.requestedBy() == null
                || (event.radiusMetres() != null && event.radiusMetres() < 1)) {
            throw new MalformedEventException("NeedRaised " + event.needId() + " lacks a field matching needs");
        }
        Need need = new Need();
        need.id = event.needId();
        need.category = event.category();
        need.requiredSkill = event.requiredSkill();
        need.latitude = event.location().latitude();
        need.longitude = event.location().longitude();
        need.windowStart = event.window().start();
        need.windowEnd = event.window().end();
        need.urgency = event.urgency();
        need.volunteersNeeded = event.volunteersNeeded();
        need.requestedBy = event.requestedBy();
        need.summary = event.summary();
        need.raisedAt = raisedAt;
        need.requiredCertifications = new ArrayList<>(event.requiredCertifications());
        need.requiredTraining = new ArrayList<>(event.requiredTraining());
        need.volunteerGroups = new ArrayList<>(event.volunteerGroups());
        need.radiusMetres = event.radiusMetres();
        need.careCategory = event.careCategory();
        need.beneficiaryRef = event.beneficiaryRef();
        need.deadline = event.deadline();
        need.estimatedHours = event.estimatedHours();
        need.community = event.community();
        return need;
    }

    /** The need of one pair of an approved pairing: one volunteer, routine, for the first session. */
    private NeedMapper() {
    }
}
