package org.linkage.activity.mapping;

import org.linkage.activity.api.NearbyNeedResponse;
import org.linkage.activity.api.NeedResponse;
import org.linkage.activity.api.NeedWindow;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedAssignment;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.AssignmentCompleted;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;

public final class NeedMapper {

    public static NeedResponse toResponse(Need need) {
        return toResponse(need, true);
    }

    /** @param exactLocation false to show a beneficiary's home blurred, as events carry it */
    public static NeedResponse toResponse(Need need, boolean exactLocation) {
        GeoPoint location = exactLocation || !need.atBeneficiaryHome ? need.location() : blurred(need.location());
        return new NeedResponse(need.id, need.category, need.requiredSkill,
                new Coordinates(location.latitude(), location.longitude()),
                new NeedWindow(need.windowStart, need.windowEnd),
                need.urgency, need.volunteersNeeded, need.requestedBy, need.summary, need.status,
                need.statusReason, need.assignedVolunteerId, need.assignmentId,
                need.statusHistory.stream()
                        .map(change -> new NeedResponse.StatusChangeResponse(change.status, change.reason,
                                change.changedAt))
                        .toList(),
                need.beneficiaryId, need.careCategory, need.community, need.estimatedHours,
                need.requiredCertifications, need.requiredTraining, need.radiusMetres, need.deadline, need.seriesId,
                need.assignments.stream().map(NeedMapper::toResponse).toList(),
                need.serviceDate, need.confirmedBy, need.completedAt, need.createdAt, need.updatedAt,
                need.volunteerGroups);
    }

    private static NeedResponse.AssignmentResponse toResponse(NeedAssignment assignment) {
        return new NeedResponse.AssignmentResponse(assignment.assignmentId, assignment.volunteerId,
                assignment.acceptedAt, assignment.report, assignment.reportedHours, assignment.reportedAt,
                assignment.confirmedHours);
    }

    /**
     * No beneficiary data travels: only the opaque id and the care category. The exact location does, since
     * matching ranks volunteers by distance to it, unless it is the beneficiary's home, which is blurred.
     */
    public static NeedRaised toRaised(Need need) {
        GeoPoint location = new GeoPoint(need.latitude, need.longitude);
        return NeedRaised.builder(need.id).category(need.category).requiredSkill(need.requiredSkill)
                .location(need.atBeneficiaryHome ? blurred(location) : location)
                .window(new TimeWindow(need.windowStart, need.windowEnd)).urgency(need.urgency)
                .volunteersNeeded(need.volunteersNeeded).requestedBy(need.requestedBy).summary(need.summary)
                .requiredCertifications(need.requiredCertifications).requiredTraining(need.requiredTraining)
                .radiusMetres(need.radiusMetres)
                .careCategory(need.careCategory == null ? null : need.careCategory.name())
                .beneficiaryRef(need.beneficiaryId).deadline(need.deadline)
                .estimatedHours(need.estimatedHours == null ? null : need.estimatedHours.doubleValue())
                .community(need.community).volunteerGroups(need.volunteerGroups).build();
    }

    /** Rounded to 0.001° (about 100 m): the street, not the door. */
    static GeoPoint blurred(GeoPoint home) {
        return new GeoPoint(Math.round(home.latitude() * 1000) / 1000.0,
                Math.round(home.longitude() * 1000) / 1000.0);
    }

    public static NeedCancelled toCancelled(Need need) {
        return NeedCancelled.of(need.id, need.requestedBy, need.statusReason);
    }

    public static AssignmentCompleted toCompleted(Need need, NeedAssignment assignment) {
        return AssignmentCompleted.of(need.id, assignment.assignmentId, assignment.volunteerId, need.serviceDate,
                assignment.confirmedHours, need.confirmedBy);
    }

    /** A summary for browsing: the group, never the person, and the place only coarsened. */
    public static NearbyNeedResponse toNearby(Need need, GeoPoint area, long distanceMetres) {
        return new NearbyNeedResponse(need.id, need.category, need.requiredSkill,
                new TimeWindow(need.windowStart, need.windowEnd), need.urgency, need.volunteersNeeded,
                need.careCategory, need.summary, Coordinates.of(area), distanceMetres);
    }

    private NeedMapper() {
    }
}
