package org.linkage.notification.service.sms;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.notification.config.SmsConfig;
import org.linkage.notification.service.SmsGateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The configured primary provider, then the secondary while the primary is down (unreachable, 5xx, throttled, its
 * circuit breaker open). Answers about the message or the number (a bad number, a per-number limit) are final:
 * another provider is not asked to get around a limit.
 */
@ApplicationScoped
public class SmsRouter implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsRouter.class);

    private final List<SmsProvider> order = new ArrayList<>();

    SmsRouter(SmsConfig config, AliyunSms aliyun, TencentSms tencent) {
        Map<SmsConfig.Provider, SmsProvider> providers = Map.of(SmsConfig.Provider.ALIYUN, aliyun,
                SmsConfig.Provider.TENCENT, tencent);
        order.add(providers.get(config.primary()));
        config.secondary().filter(secondary -> secondary != config.primary())
                .ifPresent(secondary -> order.add(providers.get(secondary)));
    }

    @Override
    public Accepted send(String phone, String message, Map<String, String> data, UUID reference) {
        String national = ChinaMobile.national(phone).orElseThrow(() ->
                new SmsRefused("'" + phone + "' is not a mainland China mobile number"));
        List<String> failures = new ArrayList<>();
        Duration retryAfter = null;
        boolean anyTemplate = false;
        for (SmsProvider provider : order) {
            SmsConfig.Template template = provider.templates().get(message);
            if (template == null) {
                failures.add(provider.id() + " has no template for " + message);
                continue;
            }
            anyTemplate = true;
            try {
                String messageId = provider.send(national, template,
                        SmsTemplates.fill(provider.id(), message, template, data), reference);
                return new Accepted(provider.id().name(), messageId);
            } catch (CircuitBreakerOpenException e) {
                failures.add(provider.id() + " skipped: its circuit breaker is open after repeated failures");
            } catch (SmsException e) {
                failures.add(e.getMessage());
                Duration wait = e.retryAfter().orElse(null);
                retryAfter = wait == null || (retryAfter != null && retryAfter.compareTo(wait) > 0) ? retryAfter
                        : wait;
            }
            LOG.debugf("SMS for %s not taken by %s: %s", reference, provider.id(), failures.get(failures.size() - 1));
        }
        if (!anyTemplate) {
            throw new SmsRefused("no SMS template registered for " + message + ": " + String.join("; ", failures));
        }
        throw new SmsException(String.join("; ", failures), null, retryAfter);
    }
}
