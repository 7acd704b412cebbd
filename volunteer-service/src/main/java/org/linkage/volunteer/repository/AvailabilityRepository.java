package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.Availability;

import java.util.UUID;

@ApplicationScoped
public class AvailabilityRepository implements PanacheRepositoryBase<Availability, UUID> {
}
