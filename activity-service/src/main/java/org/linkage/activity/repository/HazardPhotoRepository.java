package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.HazardPhoto;

import java.util.UUID;

@ApplicationScoped
public class HazardPhotoRepository implements PanacheRepositoryBase<HazardPhoto, UUID> {
}
