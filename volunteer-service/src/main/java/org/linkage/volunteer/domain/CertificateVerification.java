package org.linkage.volunteer.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What the public verification of a certificate tells: that it was issued, when and by whom, whether it is still
 * attested, the holder's masked name, and the fingerprint of the PDF as issued. Nothing else leaves the service.
 */
public record CertificateVerification(String number, boolean revoked, Instant issuedAt, String issuingOrganisation,
                                      String maskedHolder, String pdfSha256) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 144 random bits: a code cannot be guessed, so only those who were shown the certificate can verify it. */
    private static final int CODE_BYTES = 18;

    /** A new verification code: 24 characters of URL-safe base64. */
    public static String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256, as the verification shows fingerprints. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether a file is, byte for byte, the PDF as issued (never, once revoked). */
    public boolean matches(byte[] file) {
        return !revoked && pdfSha256 != null && MessageDigest.isEqual(pdfSha256.getBytes(), sha256(file).getBytes());
    }
}
