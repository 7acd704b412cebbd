package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.web.Page;
import org.linkage.notification.api.NeedReachResponse;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.mapping.ReachMapper;
import org.linkage.notification.repository.DeliveryRepository;
import org.linkage.notification.repository.NotificationRepository;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;

    DeliveryService(DeliveryRepository deliveries, NotificationRepository notifications) {
        this.deliveries = deliveries;
        this.notifications = notifications;
    }

    /** Who the need's offers reached, on which channel, and what they did: empty when it was never offered. */
    @Transactional
    public NeedReachResponse needReach(UUID needId) {
        List<Notification> offers = notifications.offersOfNeed(needId);
        List<Delivery> sent = deliveries.ofNotifications(offers.stream().map(n -> n.id).toList());
        return ReachMapper.toResponse(needId, offers, sent);
    }

    public Page<Delivery> list(DeliveryRepository.Filter filter, int page, int size) {
        return Page.of(deliveries.search(filter, page, size), page, size, deliveries.count(filter));
    }
}
