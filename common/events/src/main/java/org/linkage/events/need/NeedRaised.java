package org.linkage.events.need;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;

import java.util.UUID;

/**
 * A social worker raised a need. No beneficiary data beyond what matching needs: the place (exact, since
 * distance ranks volunteers), the time, the skill.
 *
 * @param requestedBy the social worker who raised it and is told about its outcome
 * @param summary     a short description without personal data, shown to the volunteers offered the need
 */
public record NeedRaised(
        UUID needId,
        String category,
        String requiredSkill,
        GeoPoint location,
        TimeWindow window,
        Urgency urgency,
        int volunteersNeeded,
        String requestedBy,
        String summary) implements NeedEvent {

    public static final String TYPE = "NeedRaised";

    public static NeedRaised of(UUID needId, String category, String requiredSkill, GeoPoint location,
                                TimeWindow window, Urgency urgency, int volunteersNeeded, String requestedBy,
                                String summary) {
        return new NeedRaised(needId, category, requiredSkill, location, window, urgency, volunteersNeeded,
                requestedBy, summary);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
