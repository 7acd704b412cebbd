package org.linkage.volunteer.config;

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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The certificate's QR code must lead the public to the public host: a production start on the packaged address
 * (this machine) or a loopback one is refused, naming the setting; the address deploy/k8s sets passes.
 */
class ProductionSettingsTest {

    private static final String BASE_URL = "linkage.hours.public-base-url";

    @Test
    void thePackagedOrALoopbackVerificationAddressIsRefusedInProduction() throws IOException {
        assertTrue(refusalsOf(Map.of()).stream().anyMatch(r -> r.startsWith(BASE_URL + ": still has the "
                + "development default")), refusalsOf(Map.of()).toString());
        List<String> loopback = refusalsOf(Map.of(BASE_URL, "http://127.0.0.1:8081"));
        assertTrue(loopback.stream().anyMatch(r -> r.startsWith(BASE_URL + ": names a loopback address")),
                loopback.toString());
    }

    @Test
    void theIngressHostAsDeployedPasses() throws IOException {
        List<String> deployed = refusalsOf(Map.of(BASE_URL, "https://linkage.example.org"));
        assertTrue(deployed.stream().noneMatch(r -> r.startsWith(BASE_URL)), deployed.toString());
    }

    /** As a production start reads the settings: the chassis' and the service's packaged files, then the operator's. */
    private static List<String> refusalsOf(Map<String, String> operator) throws IOException {
        URL chassis = Collections.list(ProductionSettingsTest.class.getClassLoader()
                        .getResources("META-INF/microprofile-config.properties")).stream()
                .filter(url -> url.toString().contains("chassis")).findFirst().orElseThrow();
        URL service = Path.of("src/main/resources/application.properties").toUri().toURL();
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile("prod").addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(chassis, 100))
                .withSources(new PropertiesConfigSource(service, 250))
                .withSources(new PropertiesConfigSource(operator, "environment", 300))
                .build();
        return ProductionReadiness.refusals(List.of("prod"), config);
    }
}
