package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.StationCode;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StationCodeRepository implements PanacheRepositoryBase<StationCode, StationCode.Key> {

    /** The newest code of the occasion (an activity or a session) that is still valid at the time. */
    public Optional<StationCode> newestValid(UUID occasionId, Instant at) {
        return find("key.occasionId = ?1 and expiresAt > ?2", Sort.descending("expiresAt"), occasionId, at)
                .firstResultOptional();
    }

    public boolean isValid(UUID occasionId, String code, Instant at) {
        return count("key.occasionId = ?1 and key.code = ?2 and expiresAt > ?3", occasionId, code, at) > 0;
    }
}
