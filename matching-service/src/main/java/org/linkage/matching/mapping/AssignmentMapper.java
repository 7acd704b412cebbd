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
import org.linkage.matching.domain.HardConstraints;
import org.linkage.matching.domain.Need;
import org.linkage.matching.domain.TravelEstimate;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

public final class AssignmentMapper {

    /**
     * The assignment as its reader sees it: the reasons in the reader's language.
     *
     * @param groupNames the volunteer's group type → its label, asked only when a reason in another language than
     *                   English names the group (an admin may have added it to volunteer-service's catalogue)
     */
    public static AssignmentResponse toResponse(Assignment assignment, Language language,
                                                Function<UUID, Map<String, String>> groupNames) {
        boolean namesGroup = language != Language.EN && assignment.reasons != null
                && assignment.reasons.constraintsMet() != null && assignment.reasons.constraintsMet().stream()
                .anyMatch(reason -> reason.startsWith(HardConstraints.GROUP_REASON));
        Need need = assignment.need;
        GeoPoint area = need.location().coarse();
        return new AssignmentResponse(assignment.id, need.id, assignment.volunteerId, assignment.status,
                need.category, need.urgency, need.window(), new Coordinates(area.latitude(), area.longitude()),
                need.summary, assignment.rank, assignment.distanceMetres,
                TravelEstimate.walkingMinutes(assignment.distanceMetres),
                TravelEstimate.ridingMinutes(assignment.distanceMetres), assignment.offeredAt,
                assignment.expiresAt, assignment.answeredAt, assignment.declineReason,
                ReasonsMapper.inLanguage(assignment.reasons, language,
                        namesGroup ? groupNames.apply(assignment.volunteerId) : Map.of()));
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
