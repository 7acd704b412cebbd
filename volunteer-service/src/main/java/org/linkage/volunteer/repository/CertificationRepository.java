package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.volunteer.domain.Certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<Certification, UUID> {

    public Optional<Certification> findOf(UUID volunteerId, UUID certificationId) {
        return find("id = ?1 and volunteerId = ?2", certificationId, volunteerId).firstResultOptional();
    }

    public boolean exists(UUID volunteerId, String type, String number) {
        return count("volunteerId = ?1 and type = ?2 and number = ?3", volunteerId, type, number) > 0;
    }

    public List<Certification> of(UUID volunteerId, int page, int size) {
        return find("volunteerId", Sort.by("issuedOn").and("id"), volunteerId).page(PageRequest.of(page, size)).list();
    }

    public long countOf(UUID volunteerId) {
        return count("volunteerId", volunteerId);
    }

    /** Verified certifications that reached their expiry date and were not yet announced as expired. */
    public List<Certification> lockExpiredUnannounced(LocalDate today, int limit) {
        return lockDue("expires_on <= :today", Map.of("today", today), limit);
    }

    /** Verified certifications expiring after today and by the horizon, announced neither as expiring nor expired. */
    public List<Certification> lockExpiringUnannounced(LocalDate today, LocalDate horizon, int limit) {
        return lockDue("expires_on > :today AND expires_on <= :horizon AND expiring_notified_at IS NULL",
                Map.of("today", today, "horizon", horizon), limit);
    }

    /** SKIP LOCKED: replicas running the job at the same time each take different rows, none twice. */
    @SuppressWarnings("unchecked")
    private List<Certification> lockDue(String condition, Map<String, Object> parameters, int limit) {
        var query = getEntityManager().createNativeQuery("""
                        SELECT * FROM certification
                        WHERE verification = 'VERIFIED' AND expired_notified_at IS NULL AND %s
                        ORDER BY expires_on, id LIMIT :limit FOR UPDATE SKIP LOCKED""".formatted(condition),
                        Certification.class)
                .setParameter("limit", limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
