package org.linkage.matching.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Why a volunteer was offered a need, stored with the offer.
 *
 * @param score null when a social worker assigned or paired by hand rather than by ranking
 */
@Schema(description = "Why this volunteer was chosen: the hard constraints met and the score's weighted parts")
public record OfferReasons(
        @Schema(required = true,
                examples = "[\"skill elder-care at level 3\", \"within 850 m of the need (radius 20000 m)\"]")
        List<String> constraintsMet,
        @Schema(required = true, nullable = true) // described by ScoreParts (see AssignmentResponse.reasons)
        ScoreParts score) {
}
