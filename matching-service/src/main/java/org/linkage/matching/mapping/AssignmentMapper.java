package org.linkage.matching.mapping;

import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.matching.api.AssignmentResponse;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.Need;
import org.linkage.matching.domain.TravelEstimate;

public final class AssignmentMapper {

    /** The assignment as its reader sees it: the reasons in the reader's language. */
    public static AssignmentResponse toResponse(Assignment assignment, Language language) {
        Need need = assignment.need;
        GeoPoint area = need.location().coarse();
        return new AssignmentResponse(assignment.id, need.id, assignment.volunteerId, assignment.status,
                need.category, need.urgency, need.window(), new Coordinates(area.latitude(), area.longitude()),
                need.summary, assignment.rank, assignment.distanceMetres,
                TravelEstimate.walkingMinutes(assignment.distanceMetres),
                TravelEstimate.ridingMinutes(assignment.distanceMetres), assignment.offeredAt,
                assignment.expiresAt, assignment.answeredAt, assignment.declineReason,
                ReasonsMapper.inLanguage(assignment.reasons, language, assignment.groupNames()));
    }

    public static AssignmentOffered toOffered(Assignment assignment) {
        Need need = assignment.need;
        return AssignmentOffered.of(assignment.id, need.id, assignment.volunteerId, need.requestedBy,
                need.category, need.urgency, need.window(), need.location(), need.summary, assignment.expiresAt);
    }

    public static AssignmentProposed toProposed(Assignment assignment) {
        return AssignmentProposed.of(assignment.id, assignment.need.id, assignment.volunteerId,
                assignment.need.requestedBy);
    }

    public static AssignmentAccepted toAccepted(Assignment assignment) {
        return AssignmentAccepted.of(assignment.id, assignment.need.id, assignment.volunteerId,
                assignment.need.requestedBy);
    }

    public static AssignmentDeclined toDeclined(Assignment assignment) {
        return AssignmentDeclined.of(assignment.id, assignment.need.id, assignment.volunteerId,
                assignment.need.requestedBy, assignment.declineReason);
    }

    public static AssignmentExpired toExpired(Assignment assignment, boolean volunteerOffer) {
        return AssignmentExpired.of(assignment.id, assignment.need.id, assignment.volunteerId,
                assignment.need.requestedBy, assignment.expiresAt, volunteerOffer);
    }

    public static AssignmentWithdrawn toWithdrawn(Assignment assignment, AssignmentWithdrawn.Withdrawer by) {
        return AssignmentWithdrawn.of(assignment.id, assignment.need.id, assignment.volunteerId,
                assignment.need.requestedBy, by);
    }

    public static AssignmentStoodDown toStoodDown(Assignment assignment) {
        return AssignmentStoodDown.of(assignment.id, assignment.need.id, assignment.volunteerId,
                assignment.need.requestedBy);
    }

    private AssignmentMapper() {
    }
}
