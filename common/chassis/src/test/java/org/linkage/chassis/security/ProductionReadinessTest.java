package org.linkage.chassis.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.security.ProductionReadiness.Kind;
import org.linkage.chassis.security.ProductionReadiness.Setting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production start check: the pure rule, and the chassis' own configuration read per profile. */
class ProductionReadinessTest {

    static final String REAL_ISSUER = "https://sso.example.org/realms/linkage";
    static final String REAL_KEYS = REAL_ISSUER + "/protocol/openid-connect/certs";
    static final Path CHASSIS_CONFIG = Path.of("src/main/resources/META-INF/microprofile-config.properties");

    /** Settings as an operator set them (environment), on top of what the jar packages. */
    static Map<String, Setting> operatorSet(Map<String, String> values) {
        Map<String, Setting> settings = new HashMap<>();
        values.forEach((name, value) -> settings.put(name, new Setting(value, false)));
        return settings;
    }

    static List<String> refusals(List<String> profiles, Map<String, Kind> mustSet, Map<String, Setting> settings) {
        return ProductionReadiness.refusals(profiles, mustSet, settings::get);
    }

    @Test
    void onlyDevTestAndLocalAreDevelopmentProfiles() {
        assertFalse(ProductionReadiness.isProduction(List.of("dev")));
        assertFalse(ProductionReadiness.isProduction(List.of("test")));
        assertFalse(ProductionReadiness.isProduction(List.of("local")));
        assertTrue(ProductionReadiness.isProduction(List.of("prod")));
        // Formerly only a name containing "prod" was guarded; any other name is production now.
        assertTrue(ProductionReadiness.isProduction(List.of("staging")));
        assertTrue(ProductionReadiness.isProduction(List.of("kubernetes")));
    }

    @Test
    void theDevIssuerOrNoIssuerIsRefusedOutsideDevelopment() {
        Map<String, Setting> dev = operatorSet(Map.of(ProductionReadiness.ISSUER, ProductionReadiness.DEV_ISSUER,
                ProductionReadiness.KEYS, REAL_KEYS));
        assertEquals(1, refusals(List.of("staging"), Map.of(), dev).size());
        assertTrue(refusals(List.of("staging"), Map.of(), dev).get(0).contains("LINKAGE_AUTH_ISSUER"));
        Map<String, Setting> devKey = operatorSet(Map.of(ProductionReadiness.ISSUER, REAL_ISSUER,
                ProductionReadiness.KEYS, "META-INF/linkage/dev-issuer-public.pem"));
        assertEquals(1, refusals(List.of("prod"), Map.of(), devKey).size());
        assertTrue(refusals(List.of("prod"), Map.of(), Map.of()).get(0).contains("no token issuer"));
        Map<String, Setting> real = operatorSet(Map.of(ProductionReadiness.ISSUER, REAL_ISSUER,
                ProductionReadiness.KEYS, REAL_KEYS));
        assertEquals(List.of(), refusals(List.of("prod"), Map.of(), real));
        for (String development : List.of("dev", "test", "local")) {
            assertEquals(List.of(), refusals(List.of(development), Map.of(), dev));
        }
    }

    @Test
    void packagedPlaceholderAndLoopbackValuesAreRefusedNamingTheSetting() {
        Map<String, Kind> mustSet = Map.of("linkage.sms.api-key", Kind.SECRET, "linkage.sms.endpoint", Kind.ENDPOINT);
        Map<String, Setting> settings = operatorSet(Map.of(ProductionReadiness.ISSUER, REAL_ISSUER,
                ProductionReadiness.KEYS, REAL_KEYS));
        settings.put("linkage.sms.api-key", new Setting("change-me", true));
        settings.put("linkage.sms.endpoint", new Setting("http://localhost:8090/sms", true));
        List<String> packaged = refusals(List.of("prod"), mustSet, settings);
        assertEquals(2, packaged.size(), packaged.toString());
        assertTrue(packaged.stream().anyMatch(r -> r.startsWith("linkage.sms.api-key: still has the development "
                + "default") && r.endsWith("set LINKAGE_SMS_API_KEY") && !r.contains("change-me")),
                packaged.toString());
        assertTrue(packaged.stream().anyMatch(r -> r.startsWith("linkage.sms.endpoint:")
                && r.contains("localhost:8090")), packaged.toString());

        // Set by the operator, but still a placeholder and a loopback address.
        settings.put("linkage.sms.api-key", new Setting("CHANGE-ME", false));
        settings.put("linkage.sms.endpoint", new Setting("http://127.0.0.1:8090/sms", false));
        List<String> operator = refusals(List.of("prod"), mustSet, settings);
        assertEquals(2, operator.size(), operator.toString());
        assertTrue(operator.contains("linkage.sms.api-key: is a placeholder; set LINKAGE_SMS_API_KEY"),
                operator.toString());
        assertTrue(operator.contains("linkage.sms.endpoint: names a loopback address (http://127.0.0.1:8090/sms); set "
                + "LINKAGE_SMS_ENDPOINT"), operator.toString());

        settings.remove("linkage.sms.api-key");
        assertTrue(refusals(List.of("prod"), mustSet, settings).contains(
                "linkage.sms.api-key: is not set; set LINKAGE_SMS_API_KEY"));

        settings.put("linkage.sms.api-key", new Setting("k3y-from-the-secret-store", false));
        settings.put("linkage.sms.endpoint", new Setting("https://sms.provider.example.cn/v1/messages", false));
        assertEquals(List.of(), refusals(List.of("prod"), mustSet, settings));
        settings.put("linkage.sms.api-key", new Setting("change-me", true));
        assertEquals(List.of(), refusals(List.of("local"), mustSet, settings));
    }

    @Test
    void loopbackIsRecognisedInEveryAddressForm() {
        for (String loopback : List.of("http://localhost:8090/sms", "jdbc:postgresql://localhost:15432/volunteer",
                "localhost:19092", "broker-1:9092,127.0.0.1:9092", "https://[::1]:8443/x", "0.0.0.0", "::1",
                "http://api.localhost/x")) {
            assertTrue(ProductionReadiness.namesLoopback(loopback), loopback);
        }
        for (String remote : List.of("https://sms.example.cn/v1", "jdbc:postgresql://linkage-db-rw:5432/volunteer",
                "linkage-kafka-kafka-bootstrap:9092", "smtp.example.org", "10.0.0.8:9092")) {
            assertFalse(ProductionReadiness.namesLoopback(remote), remote);
        }
    }

    @Test
    void theChassisConfigurationRefusesAProductionStartOnItsDefaults() throws IOException {
        List<String> refusals = ProductionReadiness.refusals(List.of("prod"), config("prod", Map.of()));
        assertTrue(refusals.stream().anyMatch(r -> r.contains("no token issuer")), refusals.toString());
        for (String setting : List.of("quarkus.datasource.password", "kafka.bootstrap.servers")) {
            assertTrue(refusals.stream().anyMatch(r -> r.startsWith(setting + ":")), setting + " in " + refusals);
        }
        // As deploy/k8s sets them: through the environment.
        Map<String, String> operator = Map.of("mp.jwt.verify.issuer", REAL_ISSUER,
                "mp.jwt.verify.publickey.location", REAL_KEYS, "quarkus.datasource.password", "from-the-store",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://linkage-db-rw:5432/volunteer",
                "kafka.bootstrap.servers", "linkage-kafka-kafka-bootstrap:9092");
        assertEquals(List.of(), ProductionReadiness.refusals(List.of("prod"), config("prod", operator)));
        assertEquals(List.of(), ProductionReadiness.refusals(List.of("local"), config("local", Map.of())));
    }

    @Test
    void theDevIssuerSwaggerUiAndTheLoopbackBindingAreForDevelopmentProfilesOnly() throws IOException {
        for (String development : List.of("dev", "test", "local")) {
            SmallRyeConfig config = config(development, Map.of());
            assertEquals(ProductionReadiness.DEV_ISSUER, config.getRawValue("mp.jwt.verify.issuer"), development);
            assertEquals("true", config.getRawValue("quarkus.swagger-ui.enabled"), development);
        }
        assertEquals("127.0.0.1", config("local", Map.of()).getRawValue("quarkus.http.host"));
        for (String production : List.of("prod", "staging")) {
            SmallRyeConfig config = config(production, Map.of());
            assertTrue(config.getOptionalValue("mp.jwt.verify.issuer", String.class).isEmpty(), production);
            assertEquals("false", config.getRawValue("quarkus.swagger-ui.enabled"), production);
            assertEquals("linkage-api", config.getRawValue("mp.jwt.verify.audiences"), production);
        }
    }

    /** The chassis' configuration in a profile, with what an operator sets on top (as environment variables). */
    static SmallRyeConfig config(String profile, Map<String, String> operator) throws IOException {
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(CHASSIS_CONFIG.toUri().toURL(), 100))
                .withSources(new PropertiesConfigSource(operator, "environment", 300))
                .build();
    }
}
