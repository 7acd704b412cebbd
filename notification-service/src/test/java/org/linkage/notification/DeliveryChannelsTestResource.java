package org.linkage.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) and an SMS provider stub on free ports, with fast retries; the test gets both
 * injected into its fields of those types.
 */
public class DeliveryChannelsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final int MAX_ATTEMPTS = 4;
    public static final String FIRST_RETRY_AFTER = "PT0.2S";

    private GreenMail smtp;
    private SmsProviderStub sms;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            sms = SmsProviderStub.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "linkage.sms.endpoint", sms.endpoint().toString(),
                "linkage.sms.api-key", "test-key",
                "linkage.delivery.max-attempts", String.valueOf(MAX_ATTEMPTS),
                "linkage.delivery.first-retry-after", FIRST_RETRY_AFTER,
                "linkage.delivery.longest-retry-after", "PT1S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smtp, new TestInjector.MatchesType(GreenMail.class));
        testInjector.injectIntoFields(sms, new TestInjector.MatchesType(SmsProviderStub.class));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (sms != null) {
            sms.stop();
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
