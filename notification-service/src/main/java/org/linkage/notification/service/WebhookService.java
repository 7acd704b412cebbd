package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbound.DestinationGuard;
import org.linkage.chassis.outbound.DestinationRefused;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.signals.ReplicaSignals;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.web.Page;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.notification.api.WebhookRequest;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.WebhookAttempt;
import org.linkage.notification.domain.WebhookCatalogue;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;
import org.linkage.notification.repository.WebhookAttemptRepository;
import org.linkage.notification.repository.WebhookDeliveryRepository;
import org.linkage.notification.repository.WebhookSubscriptionRepository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Integrators' subscriptions and the deliveries made for them. Every consumed event of a catalogue type asks
 * whether anyone subscribed to its type; the answers are kept in memory (see {@link SignalledCache}) and forgotten on
 * every replica when a subscription is added or ended.
 */
@ApplicationScoped
public class WebhookService implements ReplicaSignals.Listener {

    static final String CHANNEL = "linkage_webhook_subscriptions_changed";

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final IdempotencyKeys idempotencyKeys;
    private final ReplicaSignals signals;
    private final DestinationGuard destinations;
    private final SignalledCache<String, Boolean> subscribedTypes =
            new SignalledCache<>(WebhookCatalogue.all().size());

    WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
                   WebhookAttemptRepository attempts, IdempotencyKeys idempotencyKeys, ReplicaSignals signals,
                   DestinationGuard destinations) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.idempotencyKeys = idempotencyKeys;
        this.signals = signals;
        this.destinations = destinations;
    }

    /** The request's formats are already checked; this checks the URL and the event types. */
    @Transactional
    public WebhookSubscription subscribe(String owner, WebhookRequest request, String idempotencyKey) {
        checkUrl(request.url());
        request.eventTypes().stream().filter(type -> !WebhookCatalogue.offers(type)).findFirst().ifPresent(type -> {
            throw ProblemException.invalid("eventTypes", "has " + type + ", which is not one of "
                    + WebhookCatalogue.all());
        });
        UUID id = idempotencyKeys.once("webhook-subscription:" + owner, idempotencyKey, request,
                () -> create(owner, request).id);
        return subscriptions.findById(id);
    }

    /**
     * The URL's form and destination (SSRF: no loopback, private, link-local or own host; checked again at every
     * delivery): 400 for what is no http(s) URL with a host, 422 for a URL pointing where nothing may go.
     */
    private void checkUrl(String url) {
        try {
            destinations.checkUrl(url);
        } catch (DestinationRefused e) {
            throw e.malformed() ? ProblemException.invalid("url", e.getMessage())
                    : ProblemException.unprocessable("url", e.getMessage());
        }
    }

    private WebhookSubscription create(String owner, WebhookRequest request) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = owner;
        subscription.url = request.url();
        subscription.eventTypes = request.eventTypes().stream().distinct().sorted().toList();
        subscription.secret = request.secret();
        subscription.description = request.description();
        subscription.createdAt = DatabaseClock.now();
        subscriptions.persist(subscription);
        signals.tellAll(CHANNEL, subscription.id.toString());
        return subscription;
    }

    /** The owner's subscriptions, or every owner's when it is null. */
    public Page<WebhookSubscription> list(String owner, int page, int size) {
        return Page.of(subscriptions.ofOwner(owner, page, size), page, size, subscriptions.countOfOwner(owner));
    }

    public Optional<WebhookSubscription> find(UUID id) {
        return subscriptions.findByIdOptional(id);
    }

    /** Ends the subscription with its deliveries and their attempts. */
    @Transactional
    public void unsubscribe(UUID id) {
        if (subscriptions.deleteById(id)) {
            signals.tellAll(CHANNEL, id.toString());
        }
    }

    /**
     * Inside the consuming transaction, so that the deliveries exist exactly when the event counts as consumed. Only
     * the subscriptions of the integrator the event belongs to get it, as integrators see it (see
     * {@link WebhookCatalogue#forIntegrator}). A subscription added on another replica counts here from the moment
     * this replica hears of it, milliseconds after its commit.
     */
    public void enqueue(EventEnvelope envelope) {
        if (!subscribedTypes.get(envelope.eventType(), subscriptions::anyWants)) {
            return;
        }
        WebhookCatalogue.forIntegrator(envelope).ifPresent(event -> deliveries.enqueue(event.integrator(),
                envelope.eventId(), envelope.eventType(), EventJson.write(event.envelope()), DatabaseClock.now()));
    }

    /**
     * Replaces the secret; the old one keeps signing deliveries next to the new one until the overlap ends, so the
     * integrator can switch its receiver without refusing anything. A second rotation within the overlap ends the
     * first one's old secret at once.
     */
    @Transactional
    public WebhookSubscription rotateSecret(UUID id, String secret, Duration overlap) {
        WebhookSubscription subscription = subscriptions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Webhook", id));
        if (secret.equals(subscription.secret)) {
            throw ProblemException.invalid("secret", "must differ from the current secret");
        }
        subscription.previousSecret = overlap.isZero() ? null : subscription.secret;
        subscription.previousSecretUntil = overlap.isZero() ? null : DatabaseClock.now().plus(overlap);
        subscription.secret = secret;
        return subscription;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** Any subscription's change may change the answer for any type. */
    @Override
    public void received(String subscriptionId) {
        subscribedTypes.forgetAll();
    }

    @Override
    public void listening(boolean listening) {
        subscribedTypes.listening(listening);
    }

    public Page<WebhookDelivery> deliveries(WebhookDeliveryRepository.Filter filter, int page, int size) {
        return Page.of(deliveries.search(filter, page, size), page, size, deliveries.count(filter));
    }

    public Optional<WebhookDelivery> delivery(UUID subscriptionId, UUID deliveryId) {
        return deliveries.findByIdOptional(deliveryId).filter(found -> found.subscriptionId.equals(subscriptionId));
    }

    /** The attempts of these deliveries, oldest first. */
    public List<WebhookAttempt> attempts(List<WebhookDelivery> of) {
        return attempts.ofDeliveries(of.stream().map(delivery -> delivery.id).toList());
    }

    /**
     * Makes the delivery due now with a fresh round of attempts, whatever its status; the attempts made so far stay
     * on record.
     */
    @Transactional
    public Optional<WebhookDelivery> redeliver(UUID subscriptionId, UUID deliveryId) {
        return delivery(subscriptionId, deliveryId).map(delivery -> {
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = DatabaseClock.now();
            return delivery;
        });
    }
}
