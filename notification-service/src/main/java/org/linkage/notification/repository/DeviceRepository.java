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

    /**
     * Inserts the device unless its token is already registered (by anyone): one statement, so two registrations of
     * one new token cannot both insert it.
     *
     * @return whether it was inserted
     */
    public boolean insertIfAbsent(Device device) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO device (id, owner, platform, route, token, app_version, locale, registered_at,
                                            updated_at)
                        VALUES (:id, :owner, :platform, :route, :token, :appVersion, :locale, :registeredAt,
                                :updatedAt)
                        ON CONFLICT (route, token) DO NOTHING""")
                .setParameter("id", device.id)
                .setParameter("owner", device.owner)
                .setParameter("platform", device.platform.name())
                .setParameter("route", device.route.name())
                .setParameter("token", device.token)
                .setParameter("appVersion", device.appVersion)
                .setParameter("locale", device.locale)
                .setParameter("registeredAt", device.registeredAt)
                .setParameter("updatedAt", device.updatedAt)
                .executeUpdate() == 1;
    }

    /** The device holding this token, locked: two registrations of one token take turns. */
    public Optional<Device> lockByToken(PushRoute route, String token) {
        return find("route = ?1 and token = ?2", route, token)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
