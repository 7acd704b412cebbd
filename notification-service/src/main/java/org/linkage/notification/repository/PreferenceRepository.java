package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.RecipientPreference;

import java.util.Optional;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<RecipientPreference, String> {

    /** The person's preferences, not managed by the current session: safe to keep beyond it. */
    public Optional<RecipientPreference> findDetached(String recipient) {
        Optional<RecipientPreference> found = findByIdOptional(recipient);
        found.ifPresent(getEntityManager()::detach);
        return found;
    }
}
