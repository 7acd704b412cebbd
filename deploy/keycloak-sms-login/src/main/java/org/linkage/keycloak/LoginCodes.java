package org.linkage.keycloak;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a texted login code, apart from Keycloak so they can be tested alone: six random digits, kept only as
 * an HMAC with a random salt, valid until an instant, and a few wrong attempts before it is dropped. The state is a
 * flat string map, which is what Keycloak's single-use object store holds.
 */
public final class LoginCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MOBILE = Pattern.compile("(?:\\+86)?(1[3-9][0-9]{9})");
    private static final String HASH = "hash";
    private static final String SALT = "salt";
    private static final String ATTEMPTS_LEFT = "attemptsLeft";
    private static final String EXPIRES_AT = "expiresAt";

    private LoginCodes() {
    }

    /** A mainland China mobile number in E.164 (+86 and 11 digits), or empty when the text is not one. */
    public static Optional<String> mobileNumber(String text) {
        Matcher matcher = MOBILE.matcher(text == null ? "" : text.strip());
        return matcher.matches() ? Optional.of("+86" + matcher.group(1)) : Optional.empty();
    }

    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** What the store keeps of a code just issued: never the code itself. */
    public static Map<String, String> issued(String code, Instant expiresAt, int attempts) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String encodedSalt = Base64.getEncoder().encodeToString(salt);
        Map<String, String> state = new HashMap<>();
        state.put(HASH, hash(code, encodedSalt));
        state.put(SALT, encodedSalt);
        state.put(ATTEMPTS_LEFT, Integer.toString(attempts));
        state.put(EXPIRES_AT, Long.toString(expiresAt.getEpochSecond()));
        return state;
    }

    /** The outcome of one attempt, and the state to keep after it (empty: drop the code). */
    public record Attempt(Outcome outcome, int attemptsLeft, Optional<Map<String, String>> keep) {
    }

    public enum Outcome { RIGHT, WRONG, EXPIRED, LOCKED }

    public static Attempt attempt(Map<String, String> state, String given, Instant now) {
        int left = Integer.parseInt(state.get(ATTEMPTS_LEFT));
        if (now.getEpochSecond() >= Long.parseLong(state.get(EXPIRES_AT))) {
            return new Attempt(Outcome.EXPIRED, left, Optional.empty());
        }
        if (left <= 0) {
            return new Attempt(Outcome.LOCKED, 0, Optional.empty());
        }
        boolean right = given != null && MessageDigest.isEqual(
                hash(given.strip(), state.get(SALT)).getBytes(StandardCharsets.US_ASCII),
                state.get(HASH).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            return new Attempt(Outcome.RIGHT, left, Optional.empty());
        }
        Map<String, String> after = new HashMap<>(state);
        after.put(ATTEMPTS_LEFT, Integer.toString(left - 1));
        return left - 1 == 0 ? new Attempt(Outcome.LOCKED, 0, Optional.empty())
                : new Attempt(Outcome.WRONG, left - 1, Optional.of(after));
    }

    private static String hash(String code, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(salt), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
