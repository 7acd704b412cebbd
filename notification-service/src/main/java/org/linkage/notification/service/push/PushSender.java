package org.linkage.notification.service.push;

import org.linkage.notification.domain.PushRoute;

/**
 * Sends pushes through one route's push service. A route is pluggable: another one (an aggregator such as JPush
 * or Getui, another vendor's channel) is a {@link PushRoute} constant and a bean implementing this.
 */
public interface PushSender {

    PushRoute route();

    /**
     * Returns once the push service accepted the push for the token; throws {@link PushException} when it did not.
     * Implementations must never put the token in an exception message or a log line.
     */
    void send(String token, PushMessage message);
}
