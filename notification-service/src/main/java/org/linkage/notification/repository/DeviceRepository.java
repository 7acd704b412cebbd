package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.Device;
import org.linkage.notification.domain.PushRoute;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    /** A person's devices, the most recently registered first. */
    public List<Device> ofOwner(String owner) {
        return list("owner", Sort.descending("updatedAt", "id"), owner);
    }

    /** The device holding this token, locked: two registrations of one token take turns. */
    public Optional<Device> lockByToken(PushRoute route, String token) {
        return find("route = ?1 and token = ?2", route, token)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
