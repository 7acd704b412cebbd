package org.linkage.notification.mapping;

import org.linkage.notification.api.NeedReachResponse.ChannelReached;
import org.linkage.notification.api.NeedReachResponse.PersonReached;
import org.linkage.notification.api.NeedReachResponse;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A need's offer notifications and their deliveries as the social worker's receipt trail, one entry per person. */
public final class ReachMapper {

    public static NeedReachResponse toResponse(UUID needId, List<Notification> offers, List<Delivery> deliveries) {
        Map<String, List<Notification>> byOffer = new LinkedHashMap<>();
        for (Notification notification : offers) {
            byOffer.computeIfAbsent(notification.recipient + "|" + notification.data.get("assignmentId"),
                    key -> new ArrayList<>()).add(notification);
        }
        List<PersonReached> people = byOffer.values().stream()
                .map(notifications -> person(notifications, deliveries)).toList();
        return new NeedReachResponse(needId, people);
    }

    private static PersonReached person(List<Notification> notifications, List<Delivery> deliveries) {
        Notification first = notifications.get(0);
        List<ChannelReached> channels = new ArrayList<>();
        for (Notification notification : notifications) {
            if (notification.channel == NotificationChannel.IN_APP) {
                channels.add(new ChannelReached(NotificationChannel.IN_APP, null, DeliveryStatus.SENT, 1, false,
                        notification.createdAt, null, null, null));
            }
            deliveries.stream().filter(delivery -> delivery.notificationId.equals(notification.id))
                    .map(ReachMapper::channel).forEach(channels::add);
        }
        Instant opened = notifications.stream().map(n -> n.readAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Notification answered = notifications.stream().filter(n -> n.actedAt != null).findFirst().orElse(null);
        String assignmentId = first.data.get("assignmentId");
        return new PersonReached(first.recipient, assignmentId == null ? null : UUID.fromString(assignmentId),
                "EMERGENCY".equals(first.data.get("urgency")), first.createdAt, opened,
                answered == null ? null : answered.actedAt, answered == null ? null : answered.action, channels);
    }

    private static ChannelReached channel(Delivery delivery) {
        return new ChannelReached(delivery.channel, masked(delivery.channel, delivery.destination), delivery.status,
                delivery.attempts, delivery.escalation, delivery.sentAt, delivery.deliveredAt,
                delivery.status == DeliveryStatus.PENDING ? delivery.nextAttemptAt : null, delivery.lastError);
    }

    /** A phone keeps its first and last digits, an address its domain: enough to tell which, no more. */
    public static String masked(NotificationChannel channel, String destination) {
        if (destination == null || channel == NotificationChannel.PUSH) {
            return destination;
        }
        if (channel == NotificationChannel.EMAIL) {
            int at = destination.indexOf('@');
            return at <= 0 ? "***" : destination.charAt(0) + "***" + destination.substring(at);
        }
        int keep = destination.length() - 4;
        return keep <= 6 ? "****" : destination.substring(0, keep - 4) + "****" + destination.substring(keep);
    }

    private ReachMapper() {
    }
}
