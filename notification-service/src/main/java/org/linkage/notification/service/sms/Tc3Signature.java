package org.linkage.notification.service.sms;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Tencent Cloud's TC3-HMAC-SHA256 for a JSON POST signing the content-type and host headers: the canonical request,
 * the string to sign with the UTC date's credential scope, the key derived from {@code "TC3" + SecretKey} through
 * date, service and {@code tc3_request}; the Authorization header.
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";

    private Tc3Signature() {
    }

    public static String authorization(String secretId, String secretKey, String service, String host,
                                       String contentType, String payload, long timestamp) {
        String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String scope = date + "/" + service + "/tc3_request";
        String signature = signature(secretKey, date, service,
                stringToSign(timestamp, scope, canonicalRequest(host, contentType, payload)));
        return ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature="
                + signature;
    }

    static String canonicalRequest(String host, String contentType, String payload) {
        return "POST\n/\n\ncontent-type:" + contentType.toLowerCase() + "\nhost:" + host.toLowerCase()
                + "\n\ncontent-type;host\n" + sha256Hex(payload);
    }

    static String stringToSign(long timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
    }

    static String signature(String secretKey, String date, String service, String stringToSign) {
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
