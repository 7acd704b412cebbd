package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.RecipientPreference;
import org.linkage.notification.repository.PreferenceRepository;
import org.linkage.notification.rest.PreferencesRequest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class PreferenceService {

    private final PreferenceRepository preferences;

    PreferenceService(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** The person's preferences, or the defaults when they never set any. */
    public RecipientPreference of(String recipient) {
        return preferences.findByIdOptional(recipient).orElseGet(() -> RecipientPreference.defaults(recipient));
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
        return preference;
    }

    /** The person's choices and contact data go; they get the defaults if they come back. */
    @Transactional
    public void erase(String recipient) {
        preferences.deleteById(recipient);
    }

    private static boolean chooses(Map<NotificationKind, List<NotificationChannel>> channels,
                                   NotificationChannel channel) {
        return channels.values().stream().anyMatch(chosen -> chosen.contains(channel));
    }
}
