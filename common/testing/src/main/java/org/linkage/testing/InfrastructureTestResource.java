package org.linkage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a real Kafka broker and a real PostgreSQL database, both started once per
 * test JVM and shared by all test classes. Use with {@code @WithTestResource(InfrastructureTestResource.class)}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", EmbeddedPostgres.jdbcUrl("linkage"),
                "quarkus.datasource.username", EmbeddedPostgres.username(),
                "quarkus.datasource.password", EmbeddedPostgres.password(),
                // The broker runs inside the test JVM; its INFO chatter would bury the tests' own output.
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN",
                "quarkus.log.category.\"state.change.logger\".level", "WARN");
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; stopped by a shutdown hook.
    }
}
