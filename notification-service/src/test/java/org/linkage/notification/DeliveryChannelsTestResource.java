package org.linkage.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail), an SMS provider stub and webhook receivers on free ports, with fast retries; the
 * test gets them injected into its fields of those types.
 */
public class DeliveryChannelsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final int MAX_ATTEMPTS = 4;
    public static final String FIRST_RETRY_AFTER = "PT0.2S";
    public static final int WEBHOOK_MAX_ATTEMPTS = 4;
    public static final String WEBHOOK_FIRST_RETRY_AFTER = "PT0.5S";

    private GreenMail smtp;
    private SmsProviderStub sms;
    private WebhookReceiverStub webhooks;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            sms = SmsProviderStub.start();
            webhooks = WebhookReceiverStub.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("linkage.sms.endpoint", sms.endpoint().toString()),
                Map.entry("linkage.sms.api-key", "test-key"),
                Map.entry("linkage.delivery.max-attempts", String.valueOf(MAX_ATTEMPTS)),
                Map.entry("linkage.delivery.first-retry-after", FIRST_RETRY_AFTER),
                Map.entry("linkage.delivery.longest-retry-after", "PT1S"),
                Map.entry("linkage.webhook.max-attempts", String.valueOf(WEBHOOK_MAX_ATTEMPTS)),
                Map.entry("linkage.webhook.first-retry-after", WEBHOOK_FIRST_RETRY_AFTER),
                Map.entry("linkage.webhook.longest-retry-after", "PT5S"),
                Map.entry("linkage.webhook.timeout", "PT2S"));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smtp, new TestInjector.MatchesType(GreenMail.class));
        testInjector.injectIntoFields(sms, new TestInjector.MatchesType(SmsProviderStub.class));
        testInjector.injectIntoFields(webhooks, new TestInjector.MatchesType(WebhookReceiverStub.class));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (sms != null) {
            sms.stop();
        }
        if (webhooks != null) {
            webhooks.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
