package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Devices and the push services that reach them; endpoints and credentials come from the environment. */
@ConfigMapping(prefix = "linkage.push")
public interface PushConfig {

    /** Devices one person may register; registering one more drops the one registered longest ago. */
    @WithDefault("10")
    int maxDevicesPerPerson();

    /** How long a push waits for the push service's answer. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The app's deep links: {@code <scheme>://offers/<id>}. */
    @WithDefault("linkage")
    String deepLinkScheme();

    Apns apns();

    Fcm fcm();

    Huawei huawei();

    /** APNs over HTTP/2 with token (.p8) authentication. */
    interface Apns {
        /** api.push.apple.com in production, api.sandbox.push.apple.com for development builds of the app. */
        String host();

        @WithDefault("443")
        int port();

        /** The Apple developer team id that issued the key. */
        String teamId();

        /** The id of the .p8 key. */
        String keyId();

        /** The .p8 key itself (PKCS#8 PEM), from a secret. */
        String signingKey();

        /** The app's bundle id, the topic of every push. */
        String topic();

        /** PEM certificates to trust instead of the system's: only for a local fake of APNs. */
        Optional<String> trustedCertificates();
    }

    /** Firebase Cloud Messaging, HTTP v1 API, authorised by a service account. */
    interface Fcm {
        /** https://fcm.googleapis.com; messages go to {@code <endpoint>/v1/projects/<project>/messages:send}. */
        URI endpoint();

        /** Where the service account's signed assertion is exchanged for an access token. */
        URI tokenEndpoint();

        String projectId();

        /** The service account's email (client_email of its JSON key). */
        String clientEmail();

        /** The service account's private key (private_key of its JSON key, PKCS#8 PEM), from a secret. */
        String privateKey();
    }

    /** Huawei Push Kit, REST API v1. */
    interface Huawei {
        /** https://push-api.cloud.huawei.com; messages go to {@code <endpoint>/v1/<client id>/messages:send}. */
        URI endpoint();

        /** https://oauth-login.cloud.huawei.com/oauth2/v3/token */
        URI tokenEndpoint();

        /** The app's OAuth client id (the AppGallery Connect app id). */
        String clientId();

        /** From a secret. */
        String clientSecret();

        /**
         * The self-classified category of alerts, as approved for the app in AppGallery Connect: a service and
         * communication category, never MARKETING.
         */
        @WithDefault("WORK")
        String category();
    }
}
