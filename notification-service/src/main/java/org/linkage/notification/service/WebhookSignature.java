package org.linkage.notification.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a receiver checks to trust a delivery: {@code Linkage-Signature: t=<unix seconds>,v1=<hex>}, where the hex
 * is HMAC-SHA256 with the subscription's secret over {@code t + "." + body}. The timestamp lets the receiver refuse
 * replays of old deliveries. While a rotated secret overlaps, one {@code v1} per valid secret follows, the new one
 * first: a receiver accepts the delivery when any of them verifies with a secret it holds.
 */
public final class WebhookSignature {

    public static final String HEADER = "Linkage-Signature";

    public static String header(List<String> secrets, long timestamp, String body) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        secrets.forEach(secret -> header.append(",v1=").append(hmac(secret, timestamp + "." + body)));
        return header.toString();
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private WebhookSignature() {
    }
}
