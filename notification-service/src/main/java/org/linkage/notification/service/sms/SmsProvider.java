package org.linkage.notification.service.sms;

import org.linkage.notification.config.SmsConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One provider's SendSms for one mainland number. */
public interface SmsProvider {

    SmsConfig.Provider id();

    /** The templates registered at this provider, by notification kind. */
    Map<String, SmsConfig.Template> templates();

    /**
     * Returns the provider's id for the accepted message. Throws {@link ProviderFailure.ProviderDown} or
     * {@link ProviderFailure.ProviderThrottled} when another provider should be tried, and the gateway's
     * {@code SmsRefused} / {@code SmsDeferred} for answers about this message or number.
     *
     * @param nationalNumber the 11 digits, 1[3-9]xxxxxxxxx
     * @param parameters     the template's parameters in its order
     */
    String send(String nationalNumber, SmsConfig.Template template, LinkedHashMap<String, String> parameters,
                UUID reference);
}
