package org.linkage.matching.mapping;

import org.linkage.events.TimeWindow;
import org.linkage.matching.domain.Pairing;
import org.linkage.matching.rest.PairingResponse;

public final class PairingMapper {

    public static PairingResponse toResponse(Pairing pairing) {
        return new PairingResponse(pairing.id, pairing.status, pairing.category,
                new TimeWindow(pairing.windowStart, pairing.windowEnd), pairing.totalScore,
                pairing.pairs.stream().map(pair -> new PairingResponse.Pair(pair.beneficiaryRef, pair.requiredSkill,
                        pair.volunteerId, pair.score, pair.reasons, pair.assignmentId)).toList(),
                pairing.createdAt, pairing.approvedAt);
    }

    private PairingMapper() {
    }
}
