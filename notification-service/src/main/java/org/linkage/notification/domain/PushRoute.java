package org.linkage.notification.domain;

import java.util.regex.Pattern;

/**
 * The push service a device's token belongs to, and what such a token looks like. Each route has its own sender
 * ({@code service.push.PushSender}); a new route (an aggregator, another vendor) is one more constant and sender.
 */
public enum PushRoute {
    /** Apple Push Notification service: iPhones. Tokens are 32 bytes, written as 64 hex digits. */
    APNS(DevicePlatform.IOS, Pattern.compile("[0-9a-fA-F]{64}"), "must be 64 hexadecimal digits"),
    /** Firebase Cloud Messaging: Android phones with Google services. */
    FCM(DevicePlatform.ANDROID, Pattern.compile("[A-Za-z0-9_:\\-]{100,4096}"),
            "must be 100 to 4096 letters, digits, '_', '-' or ':'"),
    /** Huawei Push Kit: Huawei and Honor phones without Google services. */
    HUAWEI(DevicePlatform.ANDROID, Pattern.compile("[A-Za-z0-9_.:\\-]{32,512}"),
            "must be 32 to 512 letters, digits, '_', '-', '.' or ':'");

    private final DevicePlatform platform;
    private final Pattern token;
    private final String tokenRule;

    PushRoute(DevicePlatform platform, Pattern token, String tokenRule) {
        this.platform = platform;
        this.token = token;
        this.tokenRule = tokenRule;
    }

    /** The platform whose phones this route reaches. */
    public DevicePlatform platform() {
        return platform;
    }

    public boolean accepts(String candidate) {
        return candidate != null && token.matcher(candidate).matches();
    }

    /** What a token of this route must look like, for the problem that refuses one. */
    public String tokenRule() {
        return tokenRule;
    }
}
