package org.linkage.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetriedSendTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    void aFailureWithANextAttemptWaitsForItAndOneWithoutIsGivenUp() {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.status = DeliveryStatus.PENDING;

        assertFalse(delivery.failed("http_503", Optional.of(NOW.plusSeconds(30))));
        assertEquals(DeliveryStatus.PENDING, delivery.status);
        assertEquals(NOW.plusSeconds(30), delivery.nextAttemptAt);
        assertEquals("http_503", delivery.lastError);

        assertTrue(delivery.failed("io_error", Optional.empty()));
        assertEquals(DeliveryStatus.FAILED, delivery.status);
        assertEquals(NOW.plusSeconds(30), delivery.nextAttemptAt, "a given-up send keeps its last due time");
        assertEquals("io_error", delivery.lastError);
    }

    @Test
    void aSendTakenAfterFailuresIsSentWithNoErrorLeft() {
        Delivery delivery = new Delivery();
        delivery.status = DeliveryStatus.PENDING;
        delivery.failed("aliyun answered 503 busy", Optional.of(NOW));

        delivery.sent(NOW.plusSeconds(5));
        assertEquals(DeliveryStatus.SENT, delivery.status);
        assertEquals(NOW.plusSeconds(5), delivery.sentAt);
        assertNull(delivery.lastError);
    }
}
