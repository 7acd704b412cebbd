package org.linkage.events.need;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A social worker raised a need. No beneficiary data beyond what matching needs: the place (exact, since
 * distance ranks volunteers), the time, the skill.
 *
 * @param requestedBy the social worker who raised it and is told about its outcome
 * @param summary     a short description without personal data, shown to the volunteers offered the need
 * @param location    where the service happens; a beneficiary's home is blurred to about 100 m (3 decimals)
 * @param requiredCertifications certification types that must be verified and in date on the need's day
 * @param requiredTraining course codes the volunteer must have completed
 * @param radiusMetres how far from the place a volunteer may be; null for the service's default
 * @param careCategory ELDERLY, CHILD or FAMILY for a beneficiary's need; null otherwise
 * @param beneficiaryRef an opaque id of the beneficiary (never their data), so matching can prefer continuity
 * @param deadline     when the need must be matched at the latest; matching escalates before it; null for the start
 * @param estimatedHours how long the service is expected to take
 * @param community    the community the need belongs to (its social workers see it)
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
        String summary,
        List<String> requiredCertifications,
        List<String> requiredTraining,
        Integer radiusMetres,
        String careCategory,
        UUID beneficiaryRef,
        Instant deadline,
        Double estimatedHours,
        String community) implements NeedEvent {

    public static final String TYPE = "NeedRaised";

    /** A need with one required skill and nothing else required; the simplest need there is. */
    public static NeedRaised of(UUID needId, String category, String requiredSkill, GeoPoint location,
                                TimeWindow window, Urgency urgency, int volunteersNeeded, String requestedBy,
                                String summary) {
        return of(needId, category, requiredSkill, location, window, urgency, volunteersNeeded, requestedBy, summary,
                List.of(), List.of(), null, null, null, null, null, null);
    }

    public static NeedRaised of(UUID needId, String category, String requiredSkill, GeoPoint location,
                                TimeWindow window, Urgency urgency, int volunteersNeeded, String requestedBy,
                                String summary, List<String> requiredCertifications, List<String> requiredTraining,
                                Integer radiusMetres, String careCategory, UUID beneficiaryRef, Instant deadline,
                                Double estimatedHours, String community) {
        return new NeedRaised(needId, category, requiredSkill, location, window, urgency, volunteersNeeded,
                requestedBy, summary,
                requiredCertifications == null ? List.of() : List.copyOf(requiredCertifications),
                requiredTraining == null ? List.of() : List.copyOf(requiredTraining),
                radiusMetres, careCategory, beneficiaryRef, deadline, estimatedHours, community);
    }

    /** Requirements an older producer left out count as none. */
    public List<String> requiredCertifications() {
        return requiredCertifications == null ? List.of() : requiredCertifications;
    }

    public List<String> requiredTraining() {
        return requiredTraining == null ? List.of() : requiredTraining;
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
