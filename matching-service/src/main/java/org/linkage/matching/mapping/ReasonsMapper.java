package org.linkage.matching.mapping;

import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;
import org.linkage.matching.domain.OfferReasons;

/**
 * Offer reasons are stored in English (the matching code writes them so, events and logs read the same
 * everywhere) and rendered in the reader's language through the service's message catalogue.
 */
public final class ReasonsMapper {

    public static OfferReasons inLanguage(OfferReasons reasons, Language language) {
        if (reasons == null || reasons.constraintsMet() == null || language == Language.EN) {
            return reasons;
        }
        Messages messages = Messages.get();
        return new OfferReasons(reasons.constraintsMet().stream()
                .map(reason -> messages.translate(reason, language)).toList(), reasons.score());
    }

    private ReasonsMapper() {
    }
}
