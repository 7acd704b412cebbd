package org.linkage.notification.service.push;

import org.linkage.notification.domain.PushRoute;

import java.util.concurrent.CompletableFuture;

/**
 * Sends pushes through one route's push service. A route is pluggable: another one (an aggregator such as JPush
 * or Getui, another vendor's channel) is a {@link PushRoute} constant and a bean implementing this.
 */
public interface PushSender {

    PushRoute route();

    /**
     * Sends the push without waiting for the answer: the future completes once the push service accepted it, or
     * exceptionally with a {@link PushException} when it did not (or did not answer within the configured timeout).
     * Implementations must never put the token in an exception message or a log line.
     */
    CompletableFuture<Void> send(String token, PushMessage message);
}
