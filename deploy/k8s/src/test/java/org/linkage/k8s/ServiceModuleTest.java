package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading what a service needs from its code and configuration. */
class ServiceModuleTest {

    @Test
    void healthPathsAreQuarkusDefaultsUnlessTheServiceMovesThem() {
        assertEquals("/q/health/started", module(Map.of()).healthPath("started"));
        assertEquals("/q/health/live", module(Map.of()).healthPath("live"));
        assertEquals("/app/q/health/ready", module(Map.of("quarkus.http.root-path", "/app")).healthPath("ready"));
        assertEquals("/internal/health/ready", module(Map.of("quarkus.http.root-path", "/app",
                "quarkus.http.non-application-root-path", "/internal")).healthPath("ready"));
        assertEquals("/q/health/alive", module(Map.of("quarkus.smallrye-health.liveness-path", "alive")).healthPath("live"));
    }

    @Test
    void endpointsJoinClassAndMethodPathsOfAnnotatedMethodsOnly() {
        String source = """
                /** A class of resources. */
                @Path("/api/v1")
                @Tag(name = "Catalogues", description = "Skills (and more)")
                public class CatalogueResource {
                    @GET
                    @Path("/skills")
                    public List<String> skills(@PathParam("x") String x) {
                        return List.of();
                    }

                    @Operation(operationId = "types", summary = "The types")
                    @Path("certification-types/{id}")
                    @GET
                    public String type(@PathParam("id") String id) {
                        return id;
                    }

                    private String helper() {
                        return "";
                    }
                }
                """;

        assertEquals(Set.of("/api/v1/skills", "/api/v1/certification-types/{id}"), ServiceModule.endpoints(source));
    }

    @Test
    void localhostValuesAndCredentialsAreWhatTheClusterMustProvide() {
        ServiceModule module = module(Map.of("kafka.bootstrap.servers", "localhost:19092",
                "linkage.sms.api-key", "change-me", "linkage.sms.timeout", "PT5S", "quarkus.datasource.password", "postgres"));

        assertEquals(Set.of("KAFKA_BOOTSTRAP_SERVERS", "LINKAGE_SMS_API_KEY", "QUARKUS_DATASOURCE_PASSWORD"),
                module.environmentVariablesNeeded());
        assertEquals(Set.of("LINKAGE_SMS_API_KEY", "QUARKUS_DATASOURCE_PASSWORD"), module.credentialVariables());
    }

    private static ServiceModule module(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return new ServiceModule("some-service", Path.of("some-service"), properties);
    }
}
