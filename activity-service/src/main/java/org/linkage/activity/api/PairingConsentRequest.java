package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.ConsentMethod;
import org.linkage.activity.domain.ConsentRelation;

import java.time.Instant;

@Schema(description = "The consent to a pairing as the social worker collected it: who, in what relation, when, how")
public record PairingConsentRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "王丽",
                description = "For a minor, the guardian on the child's record") String givenBy,
        @NotNull @Schema(examples = "GUARDIAN", description = "A minor (under 18) cannot consent: the guardian does")
        ConsentRelation relation,
        @NotNull @Schema(examples = "SIGNED_FORM") ConsentMethod method,
        @NotNull @PastOrPresent @Schema(examples = "2026-11-20T02:00:00Z") Instant givenAt) {
}
