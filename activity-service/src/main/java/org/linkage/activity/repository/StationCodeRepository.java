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

    /** The newest code of the activity that is still valid at the time. */
    public Optional<StationCode> newestValid(UUID activityId, Instant at) {
        return find("key.activityId = ?1 and expiresAt > ?2", Sort.descending("expiresAt"), activityId, at)
                .firstResultOptional();
    }

    public boolean isValid(UUID activityId, String code, Instant at) {
        return count("key.activityId = ?1 and key.code = ?2 and expiresAt > ?3", activityId, code, at) > 0;
    }
}
