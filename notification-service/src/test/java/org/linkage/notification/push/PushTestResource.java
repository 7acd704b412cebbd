package org.linkage.notification.push;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;

/**
 * The push services, faked locally: Pushy's MockApnsServer for APNs (TLS with a test CA made now) and one WireMock
 * server for FCM (and Google's token endpoint) and Huawei Push Kit (and Huawei's OAuth server), with fast retries.
 * The test gets a {@link PushFakes} injected.
 */
public class PushTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String FCM_PROJECT = "linkage-test";
    public static final String FCM_CLIENT_EMAIL = "push@linkage-test.iam.gserviceaccount.com";
    public static final String HUAWEI_CLIENT_ID = "107946271";
    public static final String HUAWEI_CLIENT_SECRET = "huawei-test-secret";
    public static final String APNS_TOPIC = "org.linkage.app";

    private PushFakes fakes;

    @Override
    public Map<String, String> start() {
        TestCertificates certificates = TestCertificates.create();
        FakeApns apns = FakeApns.start(certificates);
        WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        wireMock.start();
        KeyPair serviceAccount;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            serviceAccount = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        fakes = new PushFakes(apns, wireMock, serviceAccount.getPublic());
        String base = "http://127.0.0.1:" + wireMock.port();
        return Map.ofEntries(
                Map.entry("linkage.push.apns.host", "localhost"),
                Map.entry("linkage.push.apns.port", String.valueOf(apns.port())),
                Map.entry("linkage.push.apns.team-id", "TEAM123456"),
                Map.entry("linkage.push.apns.key-id", "KEY1234567"),
                Map.entry("linkage.push.apns.signing-key", TestCertificates.apnsSigningKeyPem()),
                Map.entry("linkage.push.apns.topic", APNS_TOPIC),
                Map.entry("linkage.push.apns.trusted-certificates", certificates.caPem()),
                Map.entry("linkage.push.fcm.endpoint", base + "/fcm"),
                Map.entry("linkage.push.fcm.token-endpoint", base + "/google/token"),
                Map.entry("linkage.push.fcm.project-id", FCM_PROJECT),
                Map.entry("linkage.push.fcm.client-email", FCM_CLIENT_EMAIL),
                Map.entry("linkage.push.fcm.private-key",
                        TestCertificates.pem("PRIVATE KEY", serviceAccount.getPrivate().getEncoded())),
                Map.entry("linkage.push.huawei.endpoint", base + "/huawei"),
                Map.entry("linkage.push.huawei.token-endpoint", base + "/huawei-oauth/oauth2/v3/token"),
                Map.entry("linkage.push.huawei.client-id", HUAWEI_CLIENT_ID),
                Map.entry("linkage.push.huawei.client-secret", HUAWEI_CLIENT_SECRET),
                Map.entry("linkage.delivery.max-attempts", "4"),
                Map.entry("linkage.delivery.first-retry-after", "PT0.2S"),
                Map.entry("linkage.delivery.longest-retry-after", "PT1S"));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fakes, new TestInjector.MatchesType(PushFakes.class));
    }

    @Override
    public void stop() {
        if (fakes != null) {
            fakes.apns().stop();
            fakes.wireMock().stop();
        }
    }
}
