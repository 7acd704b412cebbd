package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.domain.HoursSource;
import org.linkage.volunteer.domain.HoursSummary.YearTotal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HoursEntryRepository implements PanacheRepositoryBase<HoursEntry, UUID> {

    public boolean credited(HoursSource source, UUID sourceId, UUID volunteerId) {
        return count("source = ?1 and sourceId = ?2 and volunteerId = ?3", source, sourceId, volunteerId) > 0;
    }

    public Optional<HoursEntry> findOf(UUID volunteerId, UUID entryId) {
        return find("id = ?1 and volunteerId = ?2", entryId, volunteerId).firstResultOptional();
    }

    /** @param year null for every year */
    public List<HoursEntry> of(UUID volunteerId, Integer year, int page, int size) {
        return year == null
                ? find("volunteerId", order(), volunteerId).page(PageRequest.of(page, size)).list()
                : find("volunteerId = ?1 and year(serviceDate) = ?2", order(), volunteerId, year)
                        .page(PageRequest.of(page, size)).list();
    }

    public long countOf(UUID volunteerId, Integer year) {
        return year == null ? count("volunteerId", volunteerId)
                : count("volunteerId = ?1 and year(serviceDate) = ?2", volunteerId, year);
    }

    /** Entries of the period recorded by the given time, oldest service first. */
    public List<HoursEntry> inPeriod(UUID volunteerId, LocalDate from, LocalDate to, Instant recordedBy) {
        return find("volunteerId = ?1 and serviceDate between ?2 and ?3 and recordedAt <= ?4", order(),
                volunteerId, from, to, recordedBy).list();
    }

    public List<HoursEntry> byIds(Iterable<UUID> ids) {
        return find("id in ?1", order(), ids).list();
    }

    public List<YearTotal> totalsPerYear(UUID volunteerId) {
        return getEntityManager().createQuery("""
                        select new org.linkage.volunteer.domain.HoursSummary$YearTotal(
                            year(e.serviceDate), sum(e.hours))
                        from HoursEntry e where e.volunteerId = :volunteer
                        group by year(e.serviceDate) order by year(e.serviceDate)""", YearTotal.class)
                .setParameter("volunteer", volunteerId)
                .getResultList();
    }

    private static Sort order() {
        return Sort.by("serviceDate").and("recordedAt").and("id");
    }
}
