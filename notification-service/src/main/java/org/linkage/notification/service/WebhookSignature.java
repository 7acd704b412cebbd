package org.linkage.notification.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What a receiver checks to trust a delivery: {@code Linkage-Signature: t=<unix seconds>,v1=<hex>}, where the hex
 * is HMAC-SHA256 with the subscription's secret over {@code t + "." + body}. The timestamp lets the receiver refuse
 * replays of old deliveries.
 */
public final class WebhookSignature {

    public static final String HEADER = "Linkage-Signature";

    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
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
