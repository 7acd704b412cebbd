package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.VolunteerCredential;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VolunteerCredentialRepository implements PanacheRepositoryBase<VolunteerCredential, UUID> {

    public List<VolunteerCredential> of(UUID volunteerId, String certificationType) {
        return list("volunteerId = ?1 and certificationType = ?2", volunteerId, certificationType);
    }
}
