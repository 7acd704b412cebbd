package org.linkage.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.timer.DueWork;
import org.linkage.chassis.timer.WakeUp;
import org.linkage.notification.config.DeliveryConfig;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.Device;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.repository.DeliveryRepository;
import org.linkage.notification.repository.NotificationRepository;
import org.linkage.notification.service.push.PushDelivery;
import org.linkage.notification.service.push.PushException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sends due email, SMS and push deliveries in three steps, none of which holds a transaction open across the network:
 * <ol>
 *     <li>a short transaction claims a batch of due rows ({@link DeliveryRepository#claimDue}: FOR UPDATE SKIP
 *     LOCKED, so replicas never take the same row) and reads what each will send; the claim gives each row one more
 *     attempt and a lease, after which a claim that was never recorded (its replica stopped) is taken again;</li>
 *     <li>the batch is sent concurrently: pushes through the push services' asynchronous clients, SMS and email on a
 *     small pool (the SMS providers' circuit breakers stay on their calls);</li>
 *     <li>once every send of the batch has answered, another short transaction records the outcomes, each only if its
 *     row is still held by this claim; batches answered meanwhile are recorded in the same transaction.</li>
 * </ol>
 * A push due now skips the first step: the transaction that writes it claims it, and it is sent once that commits
 * ({@link #sendOnCommit}), unless something is still outstanding for its device.
 * A destination (one device, phone number or address) has at most one delivery in flight, and gets them in the order
 * they were due (see {@link DeliveryRepository#claimDue}). Drains start at once when a transaction that wrote a
 * delivery due now commits ({@link Due}), when a batch was recorded (what waited behind it may now go), and every poll
 * interval (escalation steps, retries, what a replica claimed before it stopped).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    /**
     * Fired in a transaction that wrote a delivery due now: once it commits, the dispatcher sends what is due on a
     * thread of its own instead of at the next poll, up to a poll interval later (a second by default, where a push
     * should take tens of milliseconds). Only a hint: the row is what is durable, and if this replica stops before
     * sending it, the poll of any replica sends it.
     */
    public record Due() {
        public static final Due NOW = new Due();
    }

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** How long a delivery released unsent (the one before it failed) waits before it can be claimed again. */
    private static final Duration RELEASED_PAUSE = Duration.ofSeconds(1);
    /** How long the outcome of a destination's last delivery is kept once recorded (see {@link Tail}). */
    private static final Duration TAIL_KEPT = Duration.ofSeconds(10);
    /** The most deliveries recorded in one transaction. */
    private static final int LONGEST_RECORD = 200;
    /** Why an offer's delivery was cancelled when it fell due. */
    static final String OFF_DUTY = "not sent: the volunteer was off duty (or no longer active) when it fell due";

    /** One thread drains on wake-ups; wake-ups while it drains make one more drain, not one each. */
    private final WakeUp wakeUp = new WakeUp("delivery-wake-up", this::dispatchDue);
    /** Batches as large as the room left under the in-flight limit. */
    private final DueWork batches;
    /** SMS and email clients block: they wait here, not on the thread that claims. */
    private final ExecutorService blocking;
    /** Batches whose sends have all answered, in the order they did. */
    private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
    /** Records what has answered, on a thread of its own; answers while it records make one more round. */
    private final WakeUp recording = new WakeUp("delivery-record", this::recordAnswered);
    /** Deliveries claimed and not yet recorded by this replica. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** This replica's claims: its own deliveries in flight do not hold back the next of their destination. */
    private final UUID replica = UUID.randomUUID();
    /** Per destination, the outcome of the last delivery this replica started for it. */
    private final Map<String, Tail> tails = new ConcurrentHashMap<>();

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final SmsGateway sms;
    private final PushDelivery push;
    private final DutyService duties;
    private final DeliveryConfig config;
    private final RetryPolicy retries;
    private final NotificationMetrics metrics;
    private final TransactionSynchronizationRegistry transactions;

    DeliveryDispatcher(DeliveryRepository deliveries, NotificationRepository notifications, Mailer mailer,
                       SmsGateway sms, PushDelivery push, DutyService duties, DeliveryConfig config,
                       NotificationMetrics metrics, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.duties = duties;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.mailer = mailer;
        this.sms = sms;
        this.push = push;
        this.config = config;
        this.metrics = metrics;
        this.retries = new RetryPolicy(config.maxAttempts(), config.firstRetryAfter(), config.longestRetryAfter(),
                config.jitter());
        this.blocking = Executors.newFixedThreadPool(config.blockingSenders(), daemon("delivery-send"));
        this.batches = DueWork.batchesWithin(() -> Math.min(config.batchSize(), config.maxInFlight() - inFlight.get()));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Scheduled(every = "${linkage.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        forgetOldTails();
        // Without room, the drain stops: recording a batch wakes the dispatcher again.
        batches.drain(this::claim, this::send);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        wakeUp.request();
    }

    @PreDestroy
    void stop() {
        wakeUp.stop();
        blocking.shutdownNow();
        recording.stop();
    }

    /** One claimed delivery: what to send, read in the claiming transaction, and how it went. */
    private record Claimed(Delivery delivery, Supplier<CompletableFuture<SmsGateway.Accepted>> send,
                           PushDelivery.Push push, boolean secrets) {
    }

    /**
     * How a send went: the SMS provider's acceptance (null for other channels), or why it failed; released when it
     * was not sent because the destination's delivery before it failed.
     */
    private record Outcome(SmsGateway.Accepted accepted, RuntimeException failure, boolean released) {
        static final Outcome RELEASED = new Outcome(null, null, true);
    }

    private List<Claimed> claim(int limit) {
        Instant now = Instant.now();
        List<Delivery> due = new ArrayList<>(deliveries.claimDue(now, limit, replica, now.plus(config.lease())));
        // One destination's deliveries go in the order they were first due (a retry keeps its place).
        due.sort(Comparator.comparing((Delivery delivery) -> delivery.firstDueAt)
                .thenComparing(delivery -> delivery.createdAt).thenComparing(delivery -> delivery.id));
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, Notification> byId = new HashMap<>();
        notifications.list("id in ?1", due.stream().map(delivery -> delivery.notificationId).distinct().toList())
                .forEach(notification -> byId.put(notification.id, notification));
        Set<String> offDuty = duties.unreachable(byId.values().stream()
                .filter(notification -> notification.kind == NotificationKind.OFFER_RECEIVED)
                .map(notification -> notification.recipient).collect(Collectors.toSet()));
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (Delivery delivery : due) {
            Notification notification = byId.get(delivery.notificationId);
            if (notification.kind == NotificationKind.OFFER_RECEIVED && offDuty.contains(notification.recipient)) {
                // Never reach someone off duty: an offer's push or SMS step that falls due after they went off duty
                // (or left) is not sent, whatever its urgency.
                deliveries.cancel(delivery.id, OFF_DUTY);
                metrics.count(NotificationService.tag(delivery.channel), NotificationMetrics.Outcome.SUPPRESSED);
            } else {
                claimed.add(prepare(delivery, notification));
            }
        }
        return claimed;
    }

    /** Reads what the delivery sends; the sending itself starts after the claim committed. */
    private Claimed prepare(Delivery delivery, Notification notification) {
        boolean secrets = !notification.kind.secretData().isEmpty();
        switch (delivery.channel) {
            case EMAIL -> {
                Mail mail = Mail.withText(delivery.destination, notification.title, notification.body);
                return new Claimed(delivery, () -> CompletableFuture.supplyAsync(() -> {
                    mailer.send(mail);
                    return null;
                }, blocking), null, secrets);
            }
            case SMS -> {
                String message = notification.kind.name();
                Map<String, String> data = notification.data == null ? Map.of() : Map.copyOf(notification.data);
                return new Claimed(delivery, () -> CompletableFuture.supplyAsync(
                        () -> sms.send(delivery.destination, message, data, delivery.id), blocking), null, secrets);
            }
            case PUSH -> {
                return preparePush(delivery, () -> push.prepare(delivery, notification), secrets);
            }
            default -> {
                IllegalStateException e = new IllegalStateException("the inbox needs no delivery");
                return new Claimed(delivery, () -> CompletableFuture.failedFuture(e), null, secrets);
            }
        }
    }

    private static Claimed preparePush(Delivery delivery, Supplier<PushDelivery.Push> preparing, boolean secrets) {
        try {
            PushDelivery.Push prepared = preparing.get();
            return new Claimed(delivery, () -> prepared.send().thenApply(accepted -> null), prepared, secrets);
        } catch (PushException e) {
            return new Claimed(delivery, () -> CompletableFuture.failedFuture(e), null, secrets);
        }
    }

    /**
     * The last delivery this replica started for a destination: whether the next may follow it (it was accepted, or
     * failed for good), known once it was answered. Kept a while after it was recorded, so that a claim made just
     * before the record committed still finds it.
     */
    private static final class Tail {
        final CompletableFuture<Boolean> mayFollow = new CompletableFuture<>();
        /** The delivery whose outcome it tells: the one sent, or for one released unsent, the one it waits for. */
        volatile UUID delivery;
        /** For one released unsent: the tail it waits behind, whose record time it keeps (it expires with it). */
        volatile Tail behind;
        volatile long recordedAt = -1;

        void recorded(long now) {
            Tail waitedFor = behind;
            recordedAt = waitedFor != null && waitedFor.recordedAt >= 0 ? waitedFor.recordedAt : now;
        }
    }

    /** Starts every send of the batch; once all have answered, records them. */
    private void send(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        inFlight.addAndGet(batch.size());
        List<Tail> before = new ArrayList<>(batch.size());
        List<Tail> mine = new ArrayList<>(batch.size());
        for (Claimed claimed : batch) {
            Tail tail = new Tail();
            mine.add(tail);
            before.add(tails.put(destination(claimed), tail));
        }
        start(batch, before, mine);
    }

    /**
     * Claims a PUSH delivery due now in the caller's transaction, which writes it, and sends it as soon as that
     * commits, on the committing thread: no claiming transaction of its own and no wake-up, the push's only wait
     * on the way out. The caller writes it only when nothing is outstanding for its device
     * ({@link DeliveryRepository#heldBack}) and holds the recipient's lock (NotificationRepository), so its place
     * behind what this replica sends the device is taken here, in the order the transactions wrote. The row and its
     * lease stay what is durable: if this replica stops before recording it, it is sent again once the lease ends.
     *
     * @return false, changing nothing, when the in-flight limit leaves no room: the caller leaves it to the drain
     */
    public boolean sendOnCommit(Delivery delivery, Notification notification, Device device) {
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            return false;
        }
        delivery.claimed(replica, Instant.now().plus(config.lease()));
        Claimed claimed = preparePush(delivery, () -> push.prepare(device, notification),
                !notification.kind.secretData().isEmpty());
        Tail tail = new Tail();
        Tail before = tails.put(destination(claimed), tail);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    start(List.of(claimed), Collections.singletonList(before), List.of(tail));
                } else {
                    notWritten(before, tail);
                }
            }
        });
        return true;
    }

    /** The transaction that was to write a delivery rolled back: its place passes on to what came before it. */
    private void notWritten(Tail before, Tail tail) {
        inFlight.decrementAndGet();
        if (before == null) {
            tail.mayFollow.complete(true);
        } else {
            tail.delivery = before.delivery;
            tail.behind = before;
            before.mayFollow.thenAccept(tail.mayFollow::complete);
        }
        tail.recorded(System.nanoTime());
    }

    /** Starts the claimed sends, each after what its destination was sent before; once all have answered, records. */
    private void start(List<Claimed> batch, List<Tail> before, List<Tail> mine) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Tail tail = mine.get(i);
            CompletableFuture<Outcome> outcome = afterThoseBefore(batch.get(i), before.get(i), tail);
            outcome.thenAccept(answered -> tail.mayFollow.complete(!answered.released()
                    && (answered.failure() == null || forGood(answered.failure()))));
            outcomes.add(outcome);
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).whenComplete((done, never) -> {
            answered.add(new Answered(batch, outcomes.stream().map(CompletableFuture::join).toList(), mine));
            recording.request();
        });
    }

    /** A batch whose sends have all answered, waiting to be recorded. */
    private record Answered(List<Claimed> batch, List<Outcome> outcomes, List<Tail> tails) {
    }

    /**
     * Records the batches answered so far together, up to {@link #LONGEST_RECORD} deliveries a transaction: sent one
     * at a time, each push would otherwise cost a transaction of its own.
     */
    private void recordAnswered() {
        for (Answered first = answered.poll(); first != null; first = answered.poll()) {
            List<Answered> taken = new ArrayList<>(List.of(first));
            int size = first.batch().size();
            for (Answered next = answered.peek(); next != null && size + next.batch().size() <= LONGEST_RECORD;
                 next = answered.peek()) {
                taken.add(answered.poll());
                size += next.batch().size();
            }
            try {
                record(taken.stream().flatMap(one -> one.batch().stream()).toList(),
                        taken.stream().flatMap(one -> one.outcomes().stream()).toList());
            } finally {
                long now = System.nanoTime();
                taken.forEach(one -> one.tails().forEach(tail -> tail.recorded(now)));
            }
        }
    }

    private static String destination(Claimed claimed) {
        return claimed.delivery().channel + " " + claimed.delivery().destination;
    }

    /** A failure retrying cannot mend: the token or device is gone, the provider refused the message for good. */
    private static boolean forGood(RuntimeException failure) {
        return failure instanceof PushException push && push.outcome() != PushException.Outcome.RETRY
                || failure instanceof SmsGateway.SmsRefused;
    }

    /**
     * Sends the delivery once what this replica sent its destination before has been answered: at once when
     * nothing, not at all (released, to go after the retry) when that is to be retried. Pushes to different devices,
     * and the SMS of different numbers, go concurrently; one destination's go in order.
     */
    private CompletableFuture<Outcome> afterThoseBefore(Claimed claimed, Tail before, Tail mine) {
        UUID id = claimed.delivery().id;
        // A retry is not held back by its own earlier attempt.
        CompletableFuture<Boolean> follow = before == null ? CompletableFuture.completedFuture(true)
                : before.mayFollow.thenApply(ok -> ok || id.equals(before.delivery));
        return follow.thenCompose(ok -> {
            if (!ok) {
                mine.delivery = before.delivery;
                mine.behind = before;
                return CompletableFuture.completedFuture(Outcome.RELEASED);
            }
            mine.delivery = id;
            return start(claimed).handle((accepted, failure) -> new Outcome(accepted,
                    failure == null ? null : unwrap(failure), false));
        });
    }

    /** Forgets the destinations whose last delivery was recorded more than a few seconds ago. */
    private void forgetOldTails() {
        long now = System.nanoTime();
        tails.forEach((destination, tail) -> {
            long recorded = tail.recordedAt;
            if (recorded >= 0 && now - recorded > TAIL_KEPT.toNanos()) {
                tails.remove(destination, tail);
            }
        });
    }

    private static CompletableFuture<SmsGateway.Accepted> start(Claimed claimed) {
        try {
            return claimed.send().get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /**
     * Records the batch; then drains again if a delivery waits behind one of the batch's (same destination, due), or
     * if the in-flight limit held the last drain back.
     */
    private void record(List<Claimed> batch, List<Outcome> outcomes) {
        boolean behind = true;
        try {
            behind = QuarkusTransaction.requiringNew().call(() -> {
                Map<UUID, Delivery> locked = deliveries.lockAll(batch.stream().map(c -> c.delivery().id).toList());
                for (int i = 0; i < batch.size(); i++) {
                    record(batch.get(i), outcomes.get(i), locked.get(batch.get(i).delivery().id));
                }
                return deliveries.anyDueBehind(batch.stream().map(Claimed::delivery).toList(), Instant.now());
            });
        } catch (RuntimeException e) {
            LOG.warnf("Recording %d sent deliveries failed; they are sent again once their lease ends: %s",
                    batch.size(), e.toString());
        } finally {
            inFlight.addAndGet(-batch.size());
            if (behind || inFlight.get() + config.batchSize() > config.maxInFlight()) {
                wakeUp.request();
            }
        }
    }

    /** @param delivery the row, locked (null if it is gone) */
    private void record(Claimed claimed, Outcome outcome, Delivery delivery) {
        if (delivery == null || !claimed.delivery().claim.equals(delivery.claim)) {
            LOG.infof("%s delivery %s was claimed again after its lease ran out; this claim's outcome is not recorded",
                    claimed.delivery().channel, claimed.delivery().id);
            return;
        }
        delivery.claim = null;
        if (outcome.released()) {
            // Not sent: it goes after the retry of the one before it, this attempt not counted.
            delivery.attempts--;
            delivery.nextAttemptAt = Instant.now().plus(RELEASED_PAUSE);
            return;
        }
        if (delivery.status != DeliveryStatus.PENDING && outcome.failure() != null) {
            return; // cancelled while in flight, and it did not go out
        }
        if (outcome.failure() == null) {
            sent(delivery, outcome.accepted());
        } else {
            failed(delivery, claimed, outcome.failure());
        }
        if (delivery.status != DeliveryStatus.PENDING && claimed.secrets()) {
            notifications.findById(delivery.notificationId).forgetSecrets();
        }
    }

    /** Sent, even if its escalation was cancelled while it was in flight: the receipt trail says what went out. */
    private void sent(Delivery delivery, SmsGateway.Accepted accepted) {
        if (accepted != null) {
            delivery.provider = accepted.provider();
            delivery.providerMessageId = accepted.messageId();
        }
        delivery.sent(DatabaseClock.now());
        delivery.nextAttemptAt = delivery.sentAt; // not the claim's lease: when it was last tried
        metrics.count(NotificationService.tag(delivery.channel), NotificationMetrics.Outcome.SENT);
    }

    private void failed(Delivery delivery, Claimed claimed, RuntimeException failure) {
        if (failure instanceof PushException e) {
            if (e.outcome() == PushException.Outcome.RETRY) {
                retry(delivery, e, e.retryAfter());
            } else {
                // The token is gone (its device removed with it) or the device is: retrying cannot help.
                if (e.outcome() == PushException.Outcome.TOKEN_INVALID && claimed.push() != null) {
                    push.tokenInvalid(claimed.push(), e);
                }
                delivery.lastError = e.getMessage();
                giveUp(delivery);
            }
        } else if (failure instanceof SmsGateway.SmsRefused e) {
            // A bad number, a template the notification cannot fill, the number's daily limit: never retried.
            delivery.lastError = e.getMessage();
            giveUp(delivery);
        } else if (failure instanceof SmsGateway.SmsDeferred e) {
            // The number's limit at the provider: tried again once it allows, not sooner and not elsewhere.
            delivery.lastError = e.getMessage();
            if (delivery.attempts < config.maxAttempts()) {
                delivery.nextAttemptAt = Instant.now().plus(e.waitFor());
            } else {
                giveUp(delivery);
            }
            LOG.infof("SMS delivery %s deferred: %s", delivery.id, e.getMessage());
        } else if (failure instanceof SmsGateway.SmsException e) {
            retry(delivery, e, e.retryAfter());
        } else {
            retry(delivery, failure, Optional.empty());
        }
    }

    /** Retried by the policy; not before the receiver's Retry-After when it gave one. */
    private void retry(Delivery delivery, RuntimeException e, Optional<Duration> retryAfter) {
        Instant now = Instant.now();
        Optional<Instant> next = retries.nextAttempt(delivery.attempts, now)
                .map(policy -> retryAfter.map(now::plus).filter(policy::isBefore).orElse(policy));
        if (delivery.failed(e.getMessage() == null ? e.toString() : e.getMessage(), next)) {
            giveUp(delivery);
        }
        LOG.warnf("%s delivery %s failed (attempt %d, now %s): %s", delivery.channel, delivery.id,
                delivery.attempts, delivery.status, delivery.lastError);
    }

    private void giveUp(Delivery delivery) {
        delivery.status = DeliveryStatus.FAILED;
        delivery.nextAttemptAt = Instant.now(); // not the claim's lease: when it was last tried
        metrics.count(NotificationService.tag(delivery.channel), NotificationMetrics.Outcome.FAILED);
    }
}
