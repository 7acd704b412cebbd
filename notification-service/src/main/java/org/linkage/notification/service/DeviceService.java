package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.api.DeviceRequest;
import org.linkage.notification.config.PushConfig;
import org.linkage.notification.domain.Device;
import org.linkage.notification.repository.DeviceRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People's phones. A token belongs to one device row per route: registering it again, by anyone, moves it to the
 * caller (a shared or handed-on phone reaches only whoever uses it now). A person keeps at most
 * {@link PushConfig#maxDevicesPerPerson()} devices: registering one more drops the one registered longest ago, as
 * a phone that was replaced never says goodbye and its token goes stale on its own.
 */
@ApplicationScoped
public class DeviceService {

    private static final Logger LOG = Logger.getLogger(DeviceService.class);

    private final DeviceRepository devices;
    private final PushConfig config;

    DeviceService(DeviceRepository devices, PushConfig config) {
        this.devices = devices;
        this.config = config;
    }

    /** The outcome of a registration: the device, and whether it was new to this person. */
    public record Registration(Device device, boolean created) {
    }

    /** Registers (or refreshes, or takes over) the caller's device; the request's formats are already checked. */
    @Transactional
    public Registration register(String owner, DeviceRequest request) {
        if (request.route().platform() != request.platform()) {
            throw ProblemException.invalid("route", request.route() + " does not reach " + request.platform()
                    + " phones");
        }
        if (!request.route().accepts(request.token())) {
            throw ProblemException.invalid("token", request.route().tokenRule() + " for route " + request.route());
        }
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.route = request.route();
        device.token = request.token();
        device.registeredAt = DatabaseClock.now();
        boolean created = true;
        if (!devices.insertIfAbsent(filled(device, owner, request))) {
            device = devices.lockByToken(request.route(), request.token()).orElseThrow();
            created = !owner.equals(device.owner);
            if (created) {
                LOG.infof("%s moves from one person to another", device);
                device.registeredAt = DatabaseClock.now();
            }
            filled(device, owner, request);
            devices.flush();
        }
        List<Device> owned = devices.ofOwner(owner);
        owned.stream().skip(config.maxDevicesPerPerson()).forEach(oldest -> {
            LOG.infof("%s dropped: its owner registered more than %d devices", oldest, config.maxDevicesPerPerson());
            devices.delete(oldest);
        });
        return new Registration(device, created);
    }

    private static Device filled(Device device, String owner, DeviceRequest request) {
        device.owner = owner;
        device.platform = request.platform();
        device.appVersion = request.appVersion();
        device.locale = request.locale();
        device.updatedAt = DatabaseClock.now();
        return device;
    }

    public List<Device> of(String owner) {
        return devices.ofOwner(owner);
    }

    public Optional<Device> find(UUID id) {
        return devices.findByIdOptional(id);
    }

    /** @return whether there was such a device of this owner */
    @Transactional
    public boolean remove(String owner, UUID id) {
        return devices.delete("id = ?1 and owner = ?2", id, owner) > 0;
    }

    /**
     * The push service said the token no longer reaches the app (uninstalled, or a new token issued): the device goes,
     * unless it was registered again with another token since.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID device, String token, String reason) {
        if (devices.delete("id = ?1 and token = ?2", device, token) > 0) {
            LOG.infof("Device %s removed: its push service answered %s", device, reason);
        }
    }

    /** A person's devices go with the rest of their data. */
    @Transactional
    public void erase(String owner) {
        devices.delete("owner", owner);
    }
}
