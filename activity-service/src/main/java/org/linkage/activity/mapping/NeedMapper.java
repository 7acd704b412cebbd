package org.linkage.activity.mapping;

import org.linkage.activity.domain.Need;
import org.linkage.activity.rest.NeedResponse;
import org.linkage.activity.rest.NeedWindow;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.NeedRaised;

public final class NeedMapper {

    public static NeedResponse toResponse(Need need) {
        return new NeedResponse(need.id, need.category, need.requiredSkill,
                new Coordinates(need.latitude, need.longitude), new NeedWindow(need.windowStart, need.windowEnd),
                need.urgency, need.volunteersNeeded, need.requestedBy, need.summary, need.status,
                need.statusReason, need.assignedVolunteerId, need.assignmentId,
                need.statusHistory.stream()
                        .map(change -> new NeedResponse.StatusChangeResponse(change.status, change.reason,
                                change.changedAt))
                        .toList(),
                need.createdAt, need.updatedAt);
    }

    /** The exact location travels: matching ranks volunteers by distance to it. */
    public static NeedRaised toRaised(Need need) {
        return NeedRaised.of(need.id, need.category, need.requiredSkill, new GeoPoint(need.latitude, need.longitude),
                new TimeWindow(need.windowStart, need.windowEnd), need.urgency, need.volunteersNeeded,
                need.requestedBy, need.summary);
    }

    private NeedMapper() {
    }
}
