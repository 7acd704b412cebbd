package org.linkage.matching.mapping;

import org.linkage.events.TimeWindow;
import org.linkage.matching.api.PairingResponse;
import org.linkage.matching.domain.Pairing;

public final class PairingMapper {

    public static PairingResponse toResponse(Pairing pairing) {
        return new PairingResponse(pairing.id, pairing.status, pairing.category,
                new TimeWindow(pairing.windowStart, pairing.windowEnd), pairing.totalScore,
                pairing.pairs.stream().map(pair -> new PairingResponse.Pair(pair.beneficiaryRef, pair.requiredSkill,
                        pair.volunteerId, pair.score, pair.reasons, pair.assignmentId, pair.pairId)).toList(),
                pairing.createdAt, pairing.approvedAt);
    }

    private PairingMapper() {
    }
}
