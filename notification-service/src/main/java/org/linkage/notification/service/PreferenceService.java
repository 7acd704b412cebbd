package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.signals.ReplicaSignals;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.api.PreferencesRequest;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.RecipientPreference;
import org.linkage.notification.repository.PreferenceRepository;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * People's choices of channel, language and quiet hours. Every notification reads its recipient's, so they are
 * kept in memory (see {@link SignalledCache}); a change is signalled to every replica in its own transaction.
 */
@ApplicationScoped
public class PreferenceService implements ReplicaSignals.Listener {

    static final String CHANNEL = "linkage_preference_changed";

    /** People whose preferences stay in memory; the rest are read from the database when told something. */
    private static final int REMEMBERED = 20_000;

    private final PreferenceRepository preferences;
    private final ReplicaSignals signals;
    private final SignalledCache<String, RecipientPreference> remembered = new SignalledCache<>(REMEMBERED);

    PreferenceService(PreferenceRepository preferences, ReplicaSignals signals) {
        this.preferences = preferences;
        this.signals = signals;
    }

    /**
     * The person's preferences, or the defaults when they never set any. The instance may be shared with other
     * threads: read it, never change it.
     */
    public RecipientPreference of(String recipient) {
        return remembered.get(recipient, key -> preferences.findDetached(key)
                .orElseGet(() -> RecipientPreference.defaults(key)));
    }

    /** Replaces the person's preferences; the request's formats are already checked, this checks how they fit. */
    @Transactional
    public RecipientPreference replace(String recipient, PreferencesRequest request) {
        Map<NotificationKind, List<NotificationChannel>> channels =
                request.channels() == null ? Map.of() : request.channels();
        channels.entrySet().stream().filter(chosen -> chosen.getKey().essential() && chosen.getValue().isEmpty())
                .findFirst().ifPresent(unsubscribed -> {
                    throw ProblemException.invalid("channels." + unsubscribed.getKey(),
                            "must not be empty: " + unsubscribed.getKey() + " is essential and cannot be unsubscribed");
                });
        if (request.email() == null && chooses(channels, NotificationChannel.EMAIL)) {
            throw ProblemException.invalid("email", "is needed to deliver by EMAIL");
        }
        if (request.phone() == null && chooses(channels, NotificationChannel.SMS)) {
            throw ProblemException.invalid("phone", "is needed to deliver by SMS");
        }
        if (request.quietHours() != null && request.quietHours().start().equals(request.quietHours().end())) {
            throw ProblemException.invalid("quietHours.end", "must differ from the start");
        }
        RecipientPreference preference = preferences.findByIdOptional(recipient).orElseGet(RecipientPreference::new);
        preference.recipient = recipient;
        preference.channels = channels.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().distinct().toList()));
        preference.language = request.language() == null ? Language.ZH_CN
                : Language.ofTag(request.language()).orElseThrow();
        preference.quietStart = request.quietHours() == null ? null : request.quietHours().start();
        preference.quietEnd = request.quietHours() == null ? null : request.quietHours().end();
        preference.email = request.email();
        preference.phone = request.phone();
        preference.updatedAt = DatabaseClock.now();
        preferences.persist(preference);
        signals.tellAll(CHANNEL, recipient);
        return preference;
    }

    /** The person's choices and contact data go; they get the defaults if they come back. */
    @Transactional
    public void erase(String recipient) {
        preferences.deleteById(recipient);
        signals.tellAll(CHANNEL, recipient);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void received(String recipient) {
        remembered.forget(recipient);
    }

    @Override
    public void listening(boolean listening) {
        remembered.listening(listening);
    }

    private static boolean chooses(Map<NotificationKind, List<NotificationChannel>> channels,
                                   NotificationChannel channel) {
        return channels.values().stream().anyMatch(chosen -> chosen.contains(channel));
    }
}
