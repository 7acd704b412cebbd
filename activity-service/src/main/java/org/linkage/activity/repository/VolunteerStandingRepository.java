package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.VolunteerStanding;

import java.util.UUID;

@ApplicationScoped
public class VolunteerStandingRepository implements PanacheRepositoryBase<VolunteerStanding, UUID> {
}
