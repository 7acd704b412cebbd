package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.matching.domain.Candidate;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    /**
     * Narrows what is loaded for ranking; {@code CandidateRanker} applies the full rules.
     *
     * @param onDutyOnly for emergencies, which only responders on duty are offered
     */
    public List<Candidate> activeLocatedWithSkill(String skill, boolean onDutyOnly) {
        return list("active = true and homeLatitude is not null and :skill member of skills"
                        + (onDutyOnly ? " and onDuty = true" : ""),
                Parameters.with("skill", skill));
    }
}
