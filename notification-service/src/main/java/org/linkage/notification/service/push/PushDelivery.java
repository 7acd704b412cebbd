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
import java.util.concurrent.CompletableFuture;

/**
 * Prepares one PUSH delivery (one device of the recipient) for its route's sender. A token the push service calls
 * invalid removes the device, in the transaction recording the outcome.
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

    /** A push ready to go: read in the transaction that claimed its delivery, sent after it committed. */
    public record Push(UUID deviceId, String token, PushSender sender, PushMessage message) {

        /** Completes once the push service accepted it, or exceptionally with a {@link PushException}. */
        public CompletableFuture<Void> send() {
            return sender.send(token, message);
        }
    }

    /** Throws {@link PushException} when there is nothing (or no route) to send it to. */
    public Push prepare(Delivery delivery, Notification notification) {
        Device device = devices.find(UUID.fromString(delivery.destination))
                .orElseThrow(() -> PushException.undeliverable("the device was removed"));
        return prepare(device, notification);
    }

    /** The same, with the device already read in this transaction. */
    public Push prepare(Device device, Notification notification) {
        if (!device.owner.equals(notification.recipient)) {
            throw PushException.undeliverable("the device is now registered by someone else");
        }
        PushSender sender = senders.get(device.route);
        if (sender == null) {
            throw PushException.retry("no sender for route " + device.route);
        }
        return new Push(device.id, device.token, sender, PushMessages.of(notification,
                preferences.of(notification.recipient).language, config.deepLinkScheme()));
    }

    /** The push service said the token no longer reaches the app: its device goes, in the recording transaction. */
    public void tokenInvalid(Push push, PushException answer) {
        devices.forget(push.deviceId(), push.token(), answer.getMessage());
    }
}
