package org.linkage.volunteer.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The rules of invitation codes: six random digits, stored only as a keyed hash, single use, dead after their
 * expiry, locked after too many wrong tries.
 *
 * <p>The hash is HMAC-SHA256 under a server secret (the pepper, from the environment in production) over the
 * invitation's id and the code. Six digits are a million possibilities, so an unkeyed hash would fall to a loop in a
 * second; without the pepper, a copy of the database does not give the codes away.
 */
public final class InvitationCodes {

    public static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCodes() {
    }

    /** Six digits, leading zeros kept. */
    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static String hash(String pepper, UUID invitationId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((invitationId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** In constant time, so that the answer's timing says nothing about how close a guess was. */
    public static boolean matches(String pepper, Invitation invitation, String code) {
        byte[] expected = invitation.codeHash.getBytes(StandardCharsets.US_ASCII);
        byte[] given = hash(pepper, invitation.id, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** What a code entered for this invitation at this time meets, before the code itself is compared. */
    public enum Standing {
        OPEN, EXPIRED, LOCKED, CLOSED
    }

    public static Standing standing(Invitation invitation, Instant now) {
        return switch (invitation.status) {
            case LOCKED -> Standing.LOCKED;
            case PENDING -> now.isBefore(invitation.expiresAt) ? Standing.OPEN : Standing.EXPIRED;
            case REDEEMED, REVOKED, SUPERSEDED -> Standing.CLOSED;
        };
    }

    /**
     * Counts a wrong code; the invitation locks at the last allowed one.
     *
     * @return how many tries are left (0: locked now)
     */
    public static int wrongCode(Invitation invitation, int maxAttempts, Instant now) {
        invitation.failedAttempts++;
        int left = Math.max(0, maxAttempts - invitation.failedAttempts);
        if (left == 0) {
            invitation.status = Invitation.Status.LOCKED;
            invitation.closedAt = now;
        }
        return left;
    }
}
