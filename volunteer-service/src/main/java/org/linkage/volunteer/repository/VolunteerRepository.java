package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.PageRequest;
import org.linkage.volunteer.domain.MembershipState;
import org.linkage.volunteer.domain.Verification;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepositoryBase<Volunteer, UUID> {

    public Optional<Volunteer> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    /**
     * @param certification a certification type the volunteer holds verified and in date today
     * @param nameContains  free text matched anywhere in the name, ignoring case
     * @param starLevel     0 to 5, from the volunteer's lifetime service hours
     * @param team          a team the volunteer is an active member of
     * @param sort          "name" or "createdAt", descending with a leading "-"
     */
    public record Filter(String skill, String certification, Boolean onDuty, String community, VolunteerStatus status,
                         String nameContains, Integer starLevel, UUID team, String sort) {
    }

    private final DistrictConfig district;

    VolunteerRepository(DistrictConfig district) {
        this.district = district;
    }

    public List<Volunteer> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Volunteer> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.skill() != null) {
            where.append(" and id in (select v.id from Volunteer v join v.skills s where key(s) = :skill)");
            parameters.put("skill", filter.skill());
        }
        if (filter.certification() != null) {
            where.append(" and id in (select c.volunteerId from Certification c where c.type = :certification"
                    + " and c.verification = :verified and c.expiresOn > :today)");
            parameters.put("certification", filter.certification());
            parameters.put("verified", Verification.VERIFIED);
            parameters.put("today", district.today());
        }
        if (filter.onDuty() != null) {
            where.append(" and onDuty = :onDuty");
            parameters.put("onDuty", filter.onDuty());
        }
        if (filter.community() != null) {
            where.append(" and homeCommunity = :community");
            parameters.put("community", filter.community());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.starLevel() != null && filter.starLevel() == 0) {
            // Volunteers without any hours have no totals yet: level 0 is "no star", not "a totals row at 0".
            where.append(" and id not in (select h.volunteerId from VolunteerHours h where h.starLevel > 0)");
        } else if (filter.starLevel() != null) {
            where.append(" and id in (select h.volunteerId from VolunteerHours h where h.starLevel = :starLevel)");
            parameters.put("starLevel", filter.starLevel());
        }
        if (filter.team() != null) {
            where.append(" and id in (select m.volunteerId from TeamMember m where m.teamId = :team"
                    + " and m.state = :member)");
            parameters.put("team", filter.team());
            parameters.put("member", MembershipState.MEMBER);
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            where.append(" and lower(name) like :name escape '\\'");
            parameters.put("name", "%" + likeEscaped(filter.nameContains().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return find(where.toString(), sort(filter.sort()), parameters);
    }

    private static Sort sort(String sort) {
        boolean descending = sort.startsWith("-");
        String property = descending ? sort.substring(1) : sort;
        return Sort.by(property, descending ? Sort.Direction.Descending : Sort.Direction.Ascending).and("id");
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
