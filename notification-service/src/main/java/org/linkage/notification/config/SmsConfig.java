package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS providers: which one is tried first, which one takes over when it is down, and per provider its API
 * endpoint, credentials, signature (SignName), the token its delivery reports must carry, and its registered
 * templates. Credentials come from the environment (LINKAGE_SMS_ALIYUN_ACCESS_KEY_SECRET ...).
 */
@ConfigMapping(prefix = "linkage.sms")
public interface SmsConfig {

    Provider primary();

    /** Takes over while the primary is down (connection error, 5xx, throttled, circuit open). */
    Optional<Provider> secondary();

    /** One request to a provider may take this long. */
    @WithDefault("PT5S")
    Duration timeout();

    Aliyun aliyun();

    Tencent tencent();

    enum Provider {
        ALIYUN, TENCENT
    }

    /** Aliyun SMS (dysmsapi, API version 2017-05-25), SendSms signed with the RPC HMAC-SHA1 signature. */
    interface Aliyun {
        /** https://dysmsapi.aliyuncs.com/ in production. */
        URI endpoint();

        String accessKeyId();

        String accessKeySecret();

        /** The registered signature, shown as 【...】 before the text. */
        String signName();

        @WithDefault("cn-hangzhou")
        String regionId();

        /** The secret path segment of the delivery report callback URL registered with Aliyun. */
        String callbackToken();

        /** Per notification kind (OFFER_RECEIVED ...), the registered template. */
        Map<String, Template> templates();
    }

    /** Tencent Cloud SMS (API 2021-01-11), SendSms signed with TC3-HMAC-SHA256. */
    interface Tencent {
        /** https://sms.tencentcloudapi.com/ in production. */
        URI endpoint();

        String secretId();

        String secretKey();

        /** The SMS application's SdkAppId. */
        String sdkAppId();

        String signName();

        @WithDefault("ap-guangzhou")
        String region();

        /** The secret path segment of the delivery report callback URL registered with Tencent Cloud. */
        String callbackToken();

        Map<String, Template> templates();
    }

    /**
     * A template registered (and approved) at the provider: its code, and the notification data keys that fill its
     * variables, in the template's order (Tencent's TemplateParamSet is positional; Aliyun's TemplateParam is a
     * JSON object whose names are these keys). No free text is ever sent.
     */
    interface Template {
        String code();

        List<String> params();
    }
}
