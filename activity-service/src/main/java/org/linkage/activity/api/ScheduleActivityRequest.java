package org.linkage.activity.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.VolunteerGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An activity at a station; at most 24 hours long")
public record ScheduleActivityRequest(
        @NotNull UUID stationId,
        @NotBlank @Size(max = 120) @Schema(examples = "Homework club") String title,
        @Size(max = 2000) @Schema(examples = "Help primary pupils with their homework") String description,
        @NotNull @Future @Schema(examples = "2027-06-05T08:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2027-06-05T10:00:00Z") Instant endsAt,
        @NotNull @Min(1) @Max(1000) @Schema(examples = "10") Integer capacity,
        @Size(max = 10) List<@NotNull @Pattern(regexp = RaiseNeedRequest.CODE, message = "must be a skill code")
        String> requiredSkills,
        @Size(max = 10) @Schema(description = "Certification types a volunteer must hold, valid on the activity's"
                + " day, to sign up and to check in", examples = "[\"first-aid\"]")
        List<@NotNull @Pattern(regexp = RaiseNeedRequest.CODE, message = "must be a certification type code")
        String> requiredCertifications,
        @Schema(description = "Work with children: only active volunteers with a background check valid on the day"
                + " may sign up and check in", examples = "false") Boolean withChildren,
        @NotBlank @Size(max = 64) @Schema(examples = "staff-007") String organiser,
        @Size(max = 6) @Schema(description = "Only volunteers of these groups may sign up (e.g. party members for "
                + "the monthly community service); absent or empty for everyone", examples = "[\"PARTY_MEMBER\"]")
        List<@NotNull @Pattern(regexp = VolunteerGroup.CODE, message = VolunteerGroup.CODE_MESSAGE)
        String> audience) {

    public ScheduleActivityRequest {
        requiredSkills = requiredSkills == null ? List.of() : requiredSkills;
        requiredCertifications = requiredCertifications == null ? List.of() : requiredCertifications;
        withChildren = Boolean.TRUE.equals(withChildren);
        audience = audience == null ? List.of() : audience;
    }

    @AssertTrue(message = "must be after startsAt and at most 24 hours later")
    @Schema(hidden = true)
    boolean isEndsAt() {
        return startsAt == null || endsAt == null
                || endsAt.isAfter(startsAt) && Duration.between(startsAt, endsAt).compareTo(Duration.ofDays(1)) <= 0;
    }
}
