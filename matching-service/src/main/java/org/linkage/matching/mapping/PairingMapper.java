package org.linkage.matching.mapping;

import org.linkage.chassis.i18n.Language;
import org.linkage.events.TimeWindow;
import org.linkage.matching.api.PairingResponse;
import org.linkage.matching.domain.Pairing;

public final class PairingMapper {

    /** The proposal as its reader sees it: the reasons in the reader's language. */
    public static PairingResponse toResponse(Pairing pairing, Language language) {
        return new PairingResponse(pairing.id, pairing.status, pairing.category,
                new TimeWindow(pairing.windowStart, pairing.windowEnd), pairing.totalScore,
                pairing.pairs.stream().map(pair -> new PairingResponse.Pair(pair.beneficiaryRef, pair.requiredSkill,
                        pair.volunteerId, pair.score, ReasonsMapper.inLanguage(pair.reasons, language),
                        pair.assignmentId, pair.pairId)).toList(),
                pairing.createdAt, pairing.approvedAt);
    }

    private PairingMapper() {
    }
}
