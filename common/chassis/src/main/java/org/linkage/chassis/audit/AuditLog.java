package org.linkage.chassis.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.Page;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records reads and changes of sensitive records: children's files, beneficiaries' contact data, volunteers'
 * locations. Written in the caller's transaction, so a change and its audit line commit together.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of work no person requested (a consumer, a scheduled job). */
    public static final String SYSTEM = "system";

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditAction action, String resourceType, Object resourceId, String purpose) {
        String[] actor = actor();
        entityManager.createNativeQuery("""
                        INSERT INTO linkage_audit_log (actor, actor_role, action, resource_type, resource_id, purpose)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, actor[0])
                .setParameter(2, actor[1])
                .setParameter(3, action.name())
                .setParameter(4, resourceType)
                .setParameter(5, String.valueOf(resourceId))
                .setParameter(6, purpose)
                .executeUpdate();
    }

    @Transactional
    public Page<AuditEntry> find(String resourceType, String resourceId, String actor, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (resourceType != null) {
            parameters.add(resourceType);
            where.append(" AND resource_type = ?").append(parameters.size());
        }
        if (resourceId != null) {
            parameters.add(resourceId);
            where.append(" AND resource_id = ?").append(parameters.size());
        }
        if (actor != null) {
            parameters.add(actor);
            where.append(" AND actor = ?").append(parameters.size());
        }
        var count = entityManager.createNativeQuery("SELECT count(*) FROM linkage_audit_log" + where);
        var select = entityManager.createNativeQuery("""
                SELECT id, occurred_at, actor, actor_role, action, resource_type, resource_id, purpose
                FROM linkage_audit_log""" + where + " ORDER BY id DESC LIMIT " + size + " OFFSET " + (long) page * size);
        for (int i = 0; i < parameters.size(); i++) {
            count.setParameter(i + 1, parameters.get(i));
            select.setParameter(i + 1, parameters.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<AuditEntry> entries = rows.stream().map(row -> new AuditEntry(
                ((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                AuditAction.valueOf((String) row[4]), (String) row[5], (String) row[6], (String) row[7])).toList();
        return Page.of(entries, page, size, total);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * The caller from the token when there is a request, else the system: a volunteer by their volunteer id (a login
     * not linked yet by its subject), staff and clients by their subject.
     */
    private static String[] actor() {
        if (Arc.container().requestContext().isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            if (user.subject() != null) {
                String role = Roles.ALL.stream().filter(user::is).findFirst().orElse("none");
                String id = user.linkedVolunteer().map(UUID::toString).orElse(user.subject());
                return new String[]{id, role};
            }
        }
        return new String[]{SYSTEM, SYSTEM};
    }
}
