package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.Page;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.repository.DeliveryRepository;

@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;

    DeliveryService(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    public Page<Delivery> list(DeliveryRepository.Filter filter, int page, int size) {
        return Page.of(deliveries.search(filter, page, size), page, size, deliveries.count(filter));
    }
}
