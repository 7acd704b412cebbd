package org.linkage.volunteer.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.Gender;

import java.util.List;

@Schema(description = "Changes to a volunteer's profile; a field left out (or null) keeps its current value")
public record ProfileRequest(
        @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(examples = "王芳")
        String name,
        @Min(1900) @Max(2100) @Schema(examples = "1968") Integer birthYear,
        Gender gender,
        @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(examples = "新华路社区")
        String homeCommunity,
        @Size(max = 10) @Schema(description = "Language tags", examples = "[\"zh\", \"en\"]")
        List<@NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag such as zh or yue") String> languages,
        @Size(max = 2000) @Schema(examples = "退休教师，擅长辅导小学数学") String bio,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @Schema(examples = "https://files.linkage.example/photos/42.jpg") String photoUrl,
        @Size(max = 50) @Schema(description = "The group the volunteer serves with: a code of the group types "
                + "catalogue (GET /api/v1/volunteer-group-types), not retired unless held already",
                examples = "COLLEGE_STUDENT")
        String groupType,
        @Size(max = 50) @Schema(description = "The school, platform, Party branch or grid behind the group: a code of "
                + "the organisations catalogue (GET /api/v1/organisations), not retired unless held already",
                examples = "fudan-university")
        String organisation) {
}
