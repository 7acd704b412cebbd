package org.linkage.matching.mapping;

import org.linkage.matching.api.CandidateResponse;
import org.linkage.matching.domain.Candidate;

import java.util.List;
import java.util.Map;

public final class CandidateMapper {

    public static CandidateResponse toResponse(Candidate candidate) {
        return new CandidateResponse(candidate.volunteerId, List.copyOf(candidate.skills),
                Map.copyOf(candidate.skillLevels), candidate.community, List.copyOf(candidate.languages),
                candidate.homeLatitude != null, candidate.onDuty, candidate.active, candidate.updatedAt);
    }

    private CandidateMapper() {
    }
}
