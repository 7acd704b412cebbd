package org.linkage.matching.mapping;

import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;
import org.linkage.matching.domain.OfferReasons;

import java.util.Map;

/**
 * Offer reasons are stored in English (the matching code writes them so, events and logs read the same
 * everywhere) and rendered in the reader's language through the service's message catalogue.
 */
public final class ReasonsMapper {

    public static OfferReasons inLanguage(OfferReasons reasons, Language language) {
        return inLanguage(reasons, language, Map.of());
    }

    /**
     * @param groupNames group type code → its label in the reader's language, for groups an admin added to
     *                   volunteer-service's catalogue (the volunteer events carry their labels)
     */
    public static OfferReasons inLanguage(OfferReasons reasons, Language language, Map<String, String> groupNames) {
        if (reasons == null || reasons.constraintsMet() == null || language == Language.EN) {
            return reasons;
        }
        Messages messages = Messages.get();
        return new OfferReasons(reasons.constraintsMet().stream()
                .map(reason -> messages.translate(reason, language, groupNames)).toList(), reasons.score());
    }

    private ReasonsMapper() {
    }
}
