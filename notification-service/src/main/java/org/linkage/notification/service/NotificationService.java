package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Page;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.notification.config.EscalationConfig;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.Device;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.RecipientPreference;
import org.linkage.notification.repository.DeliveryRepository;
import org.linkage.notification.repository.DeviceRepository;
import org.linkage.notification.repository.NotificationRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class NotificationService {

    /** At most this many missed notifications are replayed to a reconnecting stream. */
    static final int LONGEST_REPLAY = 1000;

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final DeviceRepository devices;
    private final PreferenceService preferences;
    private final NotificationTemplates templates;
    private final NotificationMetrics metrics;
    private final NotificationFanOut fanOut;
    private final Event<NotificationCreated> created;
    private final Event<DeliveryDispatcher.Due> due;
    private final DeliveryDispatcher dispatcher;
    private final EscalationConfig escalation;
    private final DistrictConfig district;

    NotificationService(NotificationRepository notifications, DeliveryRepository deliveries, DeviceRepository devices,
                        PreferenceService preferences, NotificationTemplates templates, NotificationMetrics metrics,
                        NotificationFanOut fanOut, Event<NotificationCreated> created,
                        Event<DeliveryDispatcher.Due> due, DeliveryDispatcher dispatcher, EscalationConfig escalation,
                        DistrictConfig district) {
        this.dispatcher = dispatcher;
        this.escalation = escalation;
        this.district = district;
        this.due = due;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.devices = devices;
        this.preferences = preferences;
        this.templates = templates;
        this.metrics = metrics;
        this.fanOut = fanOut;
        this.created = created;
    }

    /**
     * Tells the draft's recipient on each channel they chose for its kind, once per source event and channel. The
     * consumer's processed-event record already absorbs redeliveries; the insert skipping an existing row keeps this
     * safe on its own too, e.g. when an event is replayed after that record was pruned, instead of failing on the
     * unique constraint. Email and SMS become deliveries, sent by {@link DeliveryDispatcher} after commit (those due
     * now at once, an escalation step or what quiet hours hold back when it falls due); a push becomes one delivery
     * per device the recipient has registered (none when they have none).
     */
    @Transactional
    public List<Notification> notify(NotificationDraft draft, UUID sourceEventId) {
        RecipientPreference preference = preferences.of(draft.recipient());
        Optional<EscalationConfig.Ladder> ladder = ladder(draft);
        List<NotificationChannel> channels = withLadder(preference.channelsFor(draft.kind()), ladder, preference);
        if (channels.isEmpty()) {
            metrics.count(tag(NotificationChannel.IN_APP), NotificationMetrics.Outcome.SUPPRESSED);
            return List.of();
        }
        NotificationText text = templates.render(draft, preference.language);
        boolean quietHours = !draft.emergency() && ladder.map(EscalationConfig.Ladder::quietHours).orElse(true);
        List<Notification> created = new ArrayList<>(channels.stream()
                .map(channel -> create(draft, text, sourceEventId, channel, preference, null, quietHours)).toList());
        escalationDelay(draft, channels, preference).ifPresent(delay -> created.add(
                create(draft, text, sourceEventId, NotificationChannel.SMS, preference, delay, quietHours)));
        return created;
    }

    /** The draft's ladder: the emergencies' one, else its kind's, if configured. */
    private Optional<EscalationConfig.Ladder> ladder(NotificationDraft draft) {
        return draft.emergency() ? Optional.of(escalation.emergency())
                : Optional.ofNullable(escalation.kinds().get(draft.kind()));
    }

    /**
     * Sends the invitation code by SMS to the number staff registered (not the preferences' number: the person has
     * none yet), once per event. The code stays in the notification's data only until the SMS is sent or given up
     * ({@link DeliveryDispatcher}).
     */
    @Transactional
    public void invite(InvitationIssued invitation, UUID sourceEventId) {
        NotificationDraft draft = NotificationComposer.invitation(invitation, DatabaseClock.now());
        RecipientPreference preference = preferences.of(draft.recipient());
        NotificationText text = templates.render(draft, preference.language);
        Notification notification = notification(draft, text, sourceEventId, NotificationChannel.SMS);
        if (!notifications.insertIfAbsent(notification, Optional.empty())) {
            return;
        }
        Delivery delivery = delivery(notification, preference, invitation.phone(), null, false);
        // Sent at once: the person is waiting for it, with staff beside them or the app open.
        delivery.nextAttemptAt = notification.createdAt;
        deliveries.persist(delivery);
        due.fire(DeliveryDispatcher.Due.NOW);
    }

    /**
     * The person's channels and those the ladder adds (an emergency reaches the app and the phone's lock screen
     * whatever the person chose for ordinary news), each added one only if the person has somewhere to receive it.
     */
    private static List<NotificationChannel> withLadder(List<NotificationChannel> chosen,
                                                        Optional<EscalationConfig.Ladder> ladder,
                                                        RecipientPreference preference) {
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        channels.addAll(chosen);
        ladder.flatMap(EscalationConfig.Ladder::channels).orElse(List.of()).stream()
                .filter(channel -> channel != NotificationChannel.EMAIL || preference.email != null)
                .filter(channel -> channel != NotificationChannel.SMS || preference.phone != null)
                .forEach(channels::add);
        return List.copyOf(channels);
    }

    /**
     * The SMS step of the kind's ladder (an emergency's delay if it is one), when the person has a phone and did not
     * choose SMS anyway: it is held back this long, and cancelled if the notification is opened (an offer also if
     * answered or closed) first ({@link #cancelEscalation}).
     */
    private Optional<Duration> escalationDelay(NotificationDraft draft, List<NotificationChannel> channels,
                                               RecipientPreference preference) {
        Optional<Duration> kindStep = Optional.ofNullable(escalation.kinds().get(draft.kind()))
                .flatMap(EscalationConfig.Ladder::smsAfter);
        if (kindStep.isEmpty() || channels.contains(NotificationChannel.SMS) || preference.phone == null) {
            return Optional.empty();
        }
        return draft.emergency() ? escalation.emergency().smsAfter() : kindStep;
    }

    private static Notification notification(NotificationDraft draft, NotificationText text, UUID sourceEventId,
                                             NotificationChannel channel) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.sourceEventId = sourceEventId;
        notification.recipient = draft.recipient();
        notification.channel = channel;
        notification.kind = draft.kind();
        notification.title = text.title();
        notification.body = text.body();
        notification.data = draft.data();
        notification.createdAt = DatabaseClock.now();
        return notification;
    }

    /**
     * @param escalateAfter null for a delivery due now (or after quiet hours), else an escalation step's delay
     * @param quietHours whether the person's quiet hours hold its deliveries back
     */
    private Notification create(NotificationDraft draft, NotificationText text, UUID sourceEventId,
                                NotificationChannel channel, RecipientPreference preference, Duration escalateAfter,
                                boolean quietHours) {
        Notification notification = notification(draft, text, sourceEventId, channel);
        boolean inApp = channel == NotificationChannel.IN_APP;
        // Streams open on other replicas hear of inbox notifications only; email and SMS are not pushed.
        if (!notifications.insertIfAbsent(notification, inApp ? fanOut.announcement() : Optional.empty())) {
            return notifications.findBySource(sourceEventId, draft.recipient(), channel).orElseThrow();
        }
        if (inApp) {
            created.fire(new NotificationCreated(notification));
            metrics.count(tag(channel), NotificationMetrics.Outcome.SENT);
        } else {
            if (channel == NotificationChannel.PUSH) {
                push(notification, preference, escalateAfter, quietHours);
            } else {
                String destination = channel == NotificationChannel.EMAIL ? preference.email : preference.phone;
                persist(delivery(notification, preference, destination, escalateAfter, quietHours));
            }
        }
        return notification;
    }

    /**
     * One delivery per device of the recipient. Those due now go out straight after the commit (see
     * {@link DeliveryDispatcher#sendOnCommit}) unless something is still outstanding for the device, which they
     * must follow: those the dispatcher takes in order.
     */
    private void push(Notification notification, RecipientPreference preference, Duration escalateAfter,
                      boolean quietHours) {
        List<Device> owned = devices.ofOwner(notification.recipient);
        if (owned.isEmpty()) {
            metrics.count(tag(NotificationChannel.PUSH), NotificationMetrics.Outcome.SUPPRESSED);
            return;
        }
        List<Delivery> made = owned.stream().map(device ->
                delivery(notification, preference, device.id.toString(), escalateAfter, quietHours)).toList();
        Set<String> heldBack = made.stream().anyMatch(delivery -> dueNow(delivery, notification))
                ? deliveries.heldBack(NotificationChannel.PUSH, made.stream().map(d -> d.destination).toList(),
                        notification.createdAt, notification.kind == NotificationKind.OFFER_RECEIVED
                                ? Optional.of(notification.recipient) : Optional.empty())
                : Set.of();
        for (int i = 0; i < made.size(); i++) {
            Delivery delivery = made.get(i);
            if (dueNow(delivery, notification) && !heldBack.contains(delivery.destination)
                    && dispatcher.sendOnCommit(delivery, notification, owned.get(i))) {
                deliveries.persist(delivery);
            } else {
                persist(delivery);
            }
        }
    }

    private static boolean dueNow(Delivery delivery, Notification notification) {
        return !delivery.nextAttemptAt.isAfter(notification.createdAt);
    }

    /** A delivery the dispatcher sends: due now at once after the commit, a deferred one when it falls due. */
    private void persist(Delivery delivery) {
        deliveries.persist(delivery);
        if (delivery.nextAttemptAt.isAfter(delivery.createdAt)) {
            metrics.count(tag(delivery.channel), NotificationMetrics.Outcome.DEFERRED);
        } else {
            due.fire(DeliveryDispatcher.Due.NOW);
        }
    }

    /** The metric's channel tag: in_app, email, sms, push. */
    static String tag(NotificationChannel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Quiet hours hold routine messages back (an escalation step too, once its delay has passed); the inbox is silent
     * anyway, so only email, SMS and push wait. Emergencies never wait for quiet hours, nor do kinds whose ladder
     * says so.
     */
    private Delivery delivery(Notification notification, RecipientPreference preference, String destination,
                              Duration escalateAfter, boolean quietHours) {
        Instant due = escalateAfter == null ? notification.createdAt : notification.createdAt.plus(escalateAfter);
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.notificationId = notification.id;
        delivery.channel = notification.channel;
        delivery.destination = destination;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = notification.createdAt;
        delivery.escalation = escalateAfter != null;
        delivery.nextAttemptAt = !quietHours ? due
                : preference.quietHours().map(quiet -> quiet.releaseTime(due, district.timeZone()))
                        .orElse(due);
        return delivery;
    }

    public Optional<Notification> find(UUID id) {
        return notifications.findByIdOptional(id);
    }

    public Page<Notification> list(NotificationRepository.Filter filter, int page, int size) {
        return Page.of(notifications.search(filter, page, size), page, size, notifications.count(filter));
    }

    public long unreadCount(String recipient) {
        return notifications.count(new NotificationRepository.Filter(recipient, true));
    }

    /** What a stream that last saw {@code sequence} missed, oldest first. */
    public List<Notification> inboxAfter(String recipient, long sequence) {
        return notifications.inboxAfter(recipient, sequence, LONGEST_REPLAY);
    }

    /**
     * Marks it read the first time; later calls keep the first reading time. Reading is how the app acknowledges
     * that the person opened it (from the inbox or a push): the offer's escalation is no longer needed.
     */
    @Transactional
    public Optional<Notification> markRead(UUID id) {
        return notifications.findByIdOptional(id).map(notification -> {
            if (!notification.isRead()) {
                notification.readAt = DatabaseClock.now();
                deliveries.cancelEscalation(notification.recipient, notification.sourceEventId);
            }
            return notification;
        });
    }

    /**
     * Takes at once, in one fixed order, the locks that telling these people takes one by one: for a batch of events
     * told in one transaction (see {@link NotificationRepository#lockRecipients}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockRecipients(Collection<String> recipients) {
        notifications.lockRecipients(recipients);
    }

    /** The person answered the offer (ACCEPTED or DECLINED): recorded on its notifications, escalation ended. */
    @Transactional
    public void offerAnswered(String recipient, UUID assignmentId, String action) {
        notifications.markActed(recipient, assignmentId, action, DatabaseClock.now());
        cancelEscalation(recipient, assignmentId);
    }

    /** The offer closed (expired, withdrawn, stood down, answered): its pending escalation is not sent. */
    @Transactional
    public void cancelEscalation(String recipient, UUID assignmentId) {
        deliveries.cancelEscalationOfOffer(recipient, assignmentId);
    }

    /** Forgets a person's notifications in every channel, with the deliveries made for them. */
    @Transactional
    public void erase(String recipient) {
        deliveries.delete("notificationId in (select n.id from Notification n where n.recipient = ?1)", recipient);
        notifications.delete("recipient", recipient);
    }
}
