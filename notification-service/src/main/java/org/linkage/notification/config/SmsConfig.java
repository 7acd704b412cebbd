package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** The SMS provider's HTTP API. */
@ConfigMapping(prefix = "linkage.sms")
public interface SmsConfig {

    /** Where messages are POSTed. */
    URI endpoint();

    /** Sent as a bearer token. */
    String apiKey();

    @WithDefault("PT5S")
    Duration timeout();
}
