package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.RecipientPreference;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<RecipientPreference, String> {
}
