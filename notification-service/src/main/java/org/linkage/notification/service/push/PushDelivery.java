package org.linkage.notification.service.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.linkage.notification.config.PushConfig;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.Device;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.PushRoute;
import org.linkage.notification.service.DeviceService;
import org.linkage.notification.service.PreferenceService;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends one PUSH delivery (one device of the recipient) through its route's sender. A token the push service calls
 * invalid removes the device, in the dispatcher's transaction.
 */
@ApplicationScoped
public class PushDelivery {

    private final Map<PushRoute, PushSender> senders = new EnumMap<>(PushRoute.class);
    private final DeviceService devices;
    private final PreferenceService preferences;
    private final PushConfig config;

    PushDelivery(Instance<PushSender> senders, DeviceService devices, PreferenceService preferences,
                 PushConfig config) {
        senders.forEach(sender -> this.senders.put(sender.route(), sender));
        this.devices = devices;
        this.preferences = preferences;
        this.config = config;
    }

    /** Returns once the push service accepted it; throws {@link PushException} when it did not. */
    public void send(Delivery delivery, Notification notification) {
        Device device = devices.find(UUID.fromString(delivery.destination))
                .orElseThrow(() -> PushException.undeliverable("the device was removed"));
        if (!device.owner.equals(notification.recipient)) {
            throw PushException.undeliverable("the device is now registered by someone else");
        }
        PushSender sender = senders.get(device.route);
        if (sender == null) {
            throw PushException.retry("no sender for route " + device.route);
        }
        PushMessage message = PushMessages.of(notification, preferences.of(notification.recipient).language,
                config.deepLinkScheme());
        try {
            sender.send(device.token, message);
        } catch (PushException e) {
            if (e.outcome() == PushException.Outcome.TOKEN_INVALID) {
                devices.forget(device, e.getMessage());
            }
            throw e;
        }
    }
}
