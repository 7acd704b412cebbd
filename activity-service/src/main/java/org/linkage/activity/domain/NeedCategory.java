package org.linkage.activity.domain;

/** The kinds of help a need can ask for, as the kebab-case codes the API and the events carry. */
public final class NeedCategory {

    /** Every code, as a regular expression: bean validation annotations take only constants. */
    public static final String PATTERN = "home-visit|tutoring|companionship|repairs|haircut|clinic"
            + "|first-aid-emergency|one-to-one-pairing|errand";

    public static final String MESSAGE = "must be one of home-visit, tutoring, companionship, repairs, haircut, "
            + "clinic, first-aid-emergency, one-to-one-pairing, errand";

    /** The purpose a micro-wish for a beneficiary processes their data for; a minor's needs the guardian's consent. */
    public static final String MICRO_WISH_PURPOSE = "micro-wish";

    /** What a consent may cover: each kind of help, and micro-wishes. */
    public static final String PURPOSE_PATTERN = PATTERN + "|" + MICRO_WISH_PURPOSE;

    public static final String PURPOSE_MESSAGE = "must be one of home-visit, tutoring, companionship, repairs, "
            + "haircut, clinic, first-aid-emergency, one-to-one-pairing, errand, micro-wish";

    private NeedCategory() {
    }
}
