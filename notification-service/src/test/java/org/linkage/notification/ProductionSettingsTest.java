package org.linkage.notification;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.security.ProductionReadiness;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's own configuration, read as a production start would read it: the SMS key and provider, the mail
 * relay, the database and the broker still on their development values are refused, each named; set as deploy/k8s
 * sets them (environment variables), the start is allowed. The local launcher's profile keeps its defaults.
 */
class ProductionSettingsTest {

    @Test
    void aProductionStartOnThePackagedDefaultsIsRefusedNamingEachSetting() throws IOException {
        List<String> refusals = ProductionReadiness.refusals(List.of("prod"), config("prod", Map.of()));
        for (String setting : List.of("mp.jwt.verify.issuer", "linkage.sms.aliyun.endpoint",
                "linkage.sms.aliyun.access-key-id", "linkage.sms.aliyun.access-key-secret",
                "linkage.sms.aliyun.callback-token", "linkage.sms.tencent.endpoint", "linkage.sms.tencent.secret-id",
                "linkage.sms.tencent.secret-key", "linkage.sms.tencent.callback-token", "quarkus.mailer.host",
                "quarkus.datasource.password", "quarkus.datasource.jdbc.url",
                "kafka.bootstrap.servers", "linkage.push.apns.host", "linkage.push.apns.signing-key",
                "linkage.push.fcm.endpoint", "linkage.push.fcm.token-endpoint", "linkage.push.fcm.private-key",
                "linkage.push.huawei.endpoint", "linkage.push.huawei.client-secret")) {
            assertTrue(refusals.stream().anyMatch(r -> r.startsWith(setting)), setting + " in " + refusals);
        }
        assertTrue(refusals.stream().noneMatch(r -> r.contains("change-me")), "a secret was printed: " + refusals);
    }

    @Test
    void aFakeProviderSetByTheOperatorIsStillRefused() throws IOException {
        Map<String, String> operator = new java.util.HashMap<>(asDeployed());
        operator.put("linkage.sms.aliyun.endpoint", "http://localhost:8090/aliyun/");
        operator.put("linkage.sms.tencent.endpoint", "http://127.0.0.1:8091/");
        operator.put("linkage.sms.tencent.secret-key", "change-me");
        List<String> refusals = ProductionReadiness.refusals(List.of("prod"), config("prod", operator));
        assertEquals(3, refusals.size(), refusals.toString());
        assertTrue(refusals.stream().anyMatch(r -> r.startsWith("linkage.sms.tencent.secret-key: is a placeholder")),
                refusals.toString());
    }

    @Test
    void asDeployedOrInTheLocalProfileItStarts() throws IOException {
        assertEquals(List.of(), ProductionReadiness.refusals(List.of("prod"), config("prod", asDeployed())));
        assertEquals(List.of(), ProductionReadiness.refusals(List.of("local"), config("local", Map.of())));
    }

    @Test
    void fakePushServicesOrMissingPushCredentialsAreRefused() throws IOException {
        Map<String, String> operator = new java.util.HashMap<>(asDeployed());
        operator.put("linkage.push.fcm.endpoint", "http://127.0.0.1:8091");
        operator.put("linkage.push.huawei.client-secret", "");
        operator.put("linkage.push.apns.signing-key", "change-me");
        List<String> refusals = ProductionReadiness.refusals(List.of("prod"), config("prod", operator));
        assertEquals(3, refusals.size(), refusals.toString());
        assertTrue(refusals.stream().anyMatch(r -> r.startsWith("linkage.push.fcm.endpoint: names a loopback")),
                refusals.toString());
        assertTrue(refusals.stream().anyMatch(r -> r.startsWith("linkage.push.huawei.client-secret: is not set")),
                refusals.toString());
    }

    /** What deploy/k8s sets through the environment (the config maps, the secrets), push services included. */
    private static Map<String, String> asDeployed() {
        Map<String, String> deployed = new java.util.HashMap<>(Map.of(
                "linkage.push.apns.host", "api.push.apple.com",
                "linkage.push.apns.team-id", "ABCDE12345",
                "linkage.push.apns.key-id", "KEYID12345",
                "linkage.push.apns.signing-key", "-----BEGIN PRIVATE KEY-----from-the-secret-store",
                "linkage.push.fcm.endpoint", "https://fcm.googleapis.com",
                "linkage.push.fcm.token-endpoint", "https://oauth2.googleapis.com/token",
                "linkage.push.fcm.client-email", "push@linkage-prod.iam.gserviceaccount.com",
                "linkage.push.fcm.private-key", "-----BEGIN PRIVATE KEY-----from-the-secret-store",
                "linkage.push.huawei.endpoint", "https://push-api.cloud.huawei.com",
                "linkage.push.huawei.token-endpoint", "https://oauth-login.cloud.huawei.com/oauth2/v3/token"));
        deployed.put("linkage.push.huawei.client-id", "107946271");
        deployed.put("linkage.push.huawei.client-secret", "from-the-secret-store");
        deployed.put("mp.jwt.verify.issuer", "https://sso.linkage.example.org/realms/linkage");
        deployed.put("mp.jwt.verify.publickey.location",
                "https://sso.linkage.example.org/realms/linkage/protocol/openid-connect/certs");
        deployed.put("quarkus.datasource.password", "from-the-secret-store");
        deployed.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://linkage-db-rw:5432/notification");
        deployed.put("kafka.bootstrap.servers", "linkage-kafka-kafka-bootstrap:9092");
        deployed.put("quarkus.mailer.host", "smtp.example.org");
        deployed.put("linkage.sms.aliyun.endpoint", "https://dysmsapi.aliyuncs.com/");
        deployed.put("linkage.sms.aliyun.access-key-id", "from-the-secret-store");
        deployed.put("linkage.sms.aliyun.access-key-secret", "from-the-secret-store");
        deployed.put("linkage.sms.aliyun.callback-token", "from-the-secret-store");
        deployed.put("linkage.sms.tencent.endpoint", "https://sms.tencentcloudapi.com/");
        deployed.put("linkage.sms.tencent.secret-id", "from-the-secret-store");
        deployed.put("linkage.sms.tencent.secret-key", "from-the-secret-store");
        deployed.put("linkage.sms.tencent.callback-token", "from-the-secret-store");
        return deployed;
    }

    private static SmallRyeConfig config(String profile, Map<String, String> operator) throws IOException {
        URL chassis = Collections.list(ProductionSettingsTest.class.getClassLoader()
                        .getResources("META-INF/microprofile-config.properties")).stream()
                .filter(url -> url.toString().contains("chassis")).findFirst().orElseThrow();
        URL service = Path.of("src/main/resources/application.properties").toUri().toURL();
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(chassis, 100))
                .withSources(new PropertiesConfigSource(service, 250))
                .withSources(new PropertiesConfigSource(operator, "environment", 300))
                .build();
    }
}
