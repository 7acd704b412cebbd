package org.linkage.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail), fakes of the two SMS providers (WireMock) and webhook receivers on free ports,
 * with fast retries; the test gets them injected into its fields of those types.
 */
public class DeliveryChannelsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final int MAX_ATTEMPTS = 4;
    public static final String FIRST_RETRY_AFTER = "PT0.2S";
    public static final String ALIYUN_CALLBACK_TOKEN = "aliyun-report-token";
    public static final String TENCENT_CALLBACK_TOKEN = "tencent-report-token";
    public static final int WEBHOOK_MAX_ATTEMPTS = 4;
    public static final String WEBHOOK_FIRST_RETRY_AFTER = "PT0.5S";

    private GreenMail smtp;
    private SmsProviderFakes sms;
    private WebhookReceiverStub webhooks;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sms = SmsProviderFakes.start();
        webhooks = WebhookReceiverStub.start();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("linkage.sms.primary", "aliyun"),
                Map.entry("linkage.sms.secondary", "tencent"),
                Map.entry("linkage.sms.aliyun.endpoint", sms.aliyunEndpoint().toString()),
                Map.entry("linkage.sms.aliyun.access-key-id", SmsProviderFakes.ALIYUN_KEY_ID),
                Map.entry("linkage.sms.aliyun.access-key-secret", SmsProviderFakes.ALIYUN_SECRET),
                Map.entry("linkage.sms.aliyun.callback-token", ALIYUN_CALLBACK_TOKEN),
                Map.entry("linkage.sms.tencent.endpoint", sms.tencentEndpoint().toString()),
                Map.entry("linkage.sms.tencent.secret-id", SmsProviderFakes.TENCENT_SECRET_ID),
                Map.entry("linkage.sms.tencent.secret-key", SmsProviderFakes.TENCENT_SECRET_KEY),
                Map.entry("linkage.sms.tencent.sdk-app-id", SmsProviderFakes.TENCENT_APP_ID),
                Map.entry("linkage.sms.tencent.callback-token", TENCENT_CALLBACK_TOKEN),
                // A provider's open circuit lets a request through again after 2 s, not 30 s.
                Map.entry("org.linkage.notification.service.sms.AliyunSms/send/CircuitBreaker/delay", "2"),
                Map.entry("org.linkage.notification.service.sms.TencentSms/send/CircuitBreaker/delay", "2"),
                // A kind with a ladder of its own (EscalationTest): a social worker whose need went unmatched gets an
                // email at once and an SMS after five minutes, quiet hours or not.
                Map.entry("linkage.escalation.kinds.NEED_UNMATCHED.channels", "EMAIL"),
                Map.entry("linkage.escalation.kinds.NEED_UNMATCHED.sms-after", "PT5M"),
                Map.entry("linkage.escalation.kinds.NEED_UNMATCHED.quiet-hours", "false"),
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
        testInjector.injectIntoFields(sms, new TestInjector.MatchesType(SmsProviderFakes.class));
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
