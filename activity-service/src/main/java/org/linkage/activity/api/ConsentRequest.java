package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.ConsentRelation;
import org.linkage.activity.domain.NeedCategory;
import org.linkage.chassis.security.CurrentUser;

import java.time.Instant;

@Schema(description = "A consent the social worker collected: who consented, when, and to which kind of help")
public record ConsentRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "王丽") String givenBy,
        @NotNull @Schema(examples = "GUARDIAN", description = "A child under 14 cannot consent: the guardian does")
        ConsentRelation relation,
        @NotNull @Pattern(regexp = NeedCategory.PURPOSE_PATTERN, message = NeedCategory.PURPOSE_MESSAGE)
        @Schema(examples = "tutoring", description = "The need category the consent covers, or micro-wish")
        String purpose,
        @NotNull @PastOrPresent @Schema(examples = "2026-11-20T02:00:00Z") Instant givenAt,
        @Size(max = 64) @Schema(examples = "sw-0042", description = CurrentUser.ACTOR_FIELD) String recordedBy) {
}
