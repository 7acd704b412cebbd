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
 * @param volunteerGroups the volunteer group types the need is restricted to (e.g. RIDER); empty for anyone
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
        String community,
        List<String> volunteerGroups) implements NeedEvent {

    public static final String TYPE = "NeedRaised";

    /** Requirements an older producer left out count as none. */
    public NeedRaised {
        requiredCertifications = requiredCertifications == null ? List.of() : List.copyOf(requiredCertifications);
        requiredTraining = requiredTraining == null ? List.of() : List.copyOf(requiredTraining);
        volunteerGroups = volunteerGroups == null ? List.of() : List.copyOf(volunteerGroups);
    }

    /** A need with one required skill and nothing else required; the simplest need there is. */
    public static NeedRaised of(UUID needId, String category, String requiredSkill, GeoPoint location,
                                TimeWindow window, Urgency urgency, int volunteersNeeded, String requestedBy,
                                String summary) {
        return builder(needId).category(category).requiredSkill(requiredSkill).location(location).window(window)
                .urgency(urgency).volunteersNeeded(volunteersNeeded).requestedBy(requestedBy).summary(summary)
                .build();
    }

    /** Names each of the many fields, so that no two of the same type can be swapped unseen. */
    public static Builder builder(UUID needId) {
        return new Builder(needId);
    }

    /** Unset requirements are none; an unset radius, care category, beneficiary, deadline or estimate is null. */
    public static final class Builder {
        private final UUID needId;
        private String category;
        private String requiredSkill;
        private GeoPoint location;
        private TimeWindow window;
        private Urgency urgency;
        private int volunteersNeeded = 1;
        private String requestedBy;
        private String summary;
        private List<String> requiredCertifications = List.of();
        private List<String> requiredTraining = List.of();
        private Integer radiusMetres;
        private String careCategory;
        private UUID beneficiaryRef;
        private Instant deadline;
        private Double estimatedHours;
        private String community;
        private List<String> volunteerGroups = List.of();

        private Builder(UUID needId) {
            this.needId = needId;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder requiredSkill(String requiredSkill) {
            this.requiredSkill = requiredSkill;
            return this;
        }

        public Builder location(GeoPoint location) {
            this.location = location;
            return this;
        }

        public Builder window(TimeWindow window) {
            this.window = window;
            return this;
        }

        public Builder urgency(Urgency urgency) {
            this.urgency = urgency;
            return this;
        }

        public Builder volunteersNeeded(int volunteersNeeded) {
            this.volunteersNeeded = volunteersNeeded;
            return this;
        }

        public Builder requestedBy(String requestedBy) {
            this.requestedBy = requestedBy;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder requiredCertifications(List<String> requiredCertifications) {
            this.requiredCertifications = requiredCertifications;
            return this;
        }

        public Builder requiredTraining(List<String> requiredTraining) {
            this.requiredTraining = requiredTraining;
            return this;
        }

        public Builder radiusMetres(Integer radiusMetres) {
            this.radiusMetres = radiusMetres;
            return this;
        }

        public Builder careCategory(String careCategory) {
            this.careCategory = careCategory;
            return this;
        }

        public Builder beneficiaryRef(UUID beneficiaryRef) {
            this.beneficiaryRef = beneficiaryRef;
            return this;
        }

        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder estimatedHours(Double estimatedHours) {
            this.estimatedHours = estimatedHours;
            return this;
        }

        public Builder community(String community) {
            this.community = community;
            return this;
        }

        public Builder volunteerGroups(List<String> volunteerGroups) {
            this.volunteerGroups = volunteerGroups;
            return this;
        }

        public NeedRaised build() {
            return new NeedRaised(needId, category, requiredSkill, location, window, urgency, volunteersNeeded,
                    requestedBy, summary, requiredCertifications, requiredTraining, radiusMetres, careCategory,
                    beneficiaryRef, deadline, estimatedHours, community, volunteerGroups);
        }
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
