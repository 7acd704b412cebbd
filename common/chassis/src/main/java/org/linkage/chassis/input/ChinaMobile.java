package org.linkage.chassis.input;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: 1[3-9] and nine digits, optionally written in E.164 as +86... The one rule for
 * every phone the suite takes (a volunteer's number, an SMS destination, notification preferences).
 */
public final class ChinaMobile {

    /** What the API accepts where a phone is taken. */
    public static final String PATTERN = "(\\+86)?1[3-9][0-9]{9}";
    private static final Pattern NUMBER = Pattern.compile("(?:\\+86)?(1[3-9][0-9]{9})");

    private ChinaMobile() {
    }

    /** The eleven national digits, or empty when this is not a mainland mobile number. */
    public static Optional<String> national(String phone) {
        Matcher matcher = NUMBER.matcher(phone == null ? "" : phone.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** E.164: +86 and the eleven digits. */
    public static Optional<String> e164(String phone) {
        return national(phone).map(digits -> "+86" + digits);
    }
}
