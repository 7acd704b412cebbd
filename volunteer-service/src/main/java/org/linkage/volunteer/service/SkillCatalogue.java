package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;
import org.linkage.volunteer.domain.Skill;
import org.linkage.volunteer.repository.SkillRepository;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

@ApplicationScoped
public class SkillCatalogue {

    private final SkillRepository skills;

    SkillCatalogue(SkillRepository skills) {
        this.skills = skills;
    }

    public List<Skill> all() {
        return skills.catalogue();
    }

    /**
     * @param held    codes the volunteer holds already: a retired one may stay, only new use of it is refused
     * @param fieldOf the request field holding the i-th code, so the client learns which entry is wrong
     * @throws ProblemException 400 naming every code not in the catalogue; else 422 naming a newly used retired one
     */
    public void requireKnown(List<String> codes, Set<String> held, IntFunction<String> fieldOf) {
        Set<String> known = skills.knownAmong(codes);
        List<Violation> violations = IntStream.range(0, codes.size())
                .filter(i -> !known.contains(codes.get(i)))
                .mapToObj(i -> new Violation(fieldOf.apply(i), "is not in the skills catalogue (GET /api/v1/skills)"))
                .toList();
        Invalid.rejectIfAny(violations);
        Set<String> retired = skills.retiredAmong(codes);
        IntStream.range(0, codes.size())
                .filter(i -> retired.contains(codes.get(i)) && !held.contains(codes.get(i)))
                .findFirst()
                .ifPresent(i -> {
                    throw ProblemException.unprocessable(fieldOf.apply(i), "is retired from the skills catalogue");
                });
    }
}
