package org.linkage.chassis.kafka;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.testing.EmbeddedKafka;
import org.linkage.testing.InfrastructureTestResource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The running chassis hands its producers the service's Kafka configuration, both as {@code kafka.*} properties and
 * as {@code KAFKA_*} names (how a Deployment's environment arrives). The settings here are harmless on the test
 * broker's plaintext listener; {@link ReliableProducersTest} covers SASL_SSL itself.
 */
@QuarkusTest
@TestProfile(ReliableProducersConfigTest.ClientSettings.class)
@WithTestResource(InfrastructureTestResource.class)
class ReliableProducersConfigTest {

    public static class ClientSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                    "kafka.ssl.truststore.type", "PEM",
                    "kafka.metadata.max.age.ms", "120000");
        }
    }

    @Inject
    ReliableProducers producers;

    @Test
    void theConfiguredKafkaSettingsReachTheChassisProducers() {
        Map<String, Object> properties = producers.properties("chassis-test-outbox-relay");

        assertEquals("SCRAM-SHA-512", properties.get("sasl.mechanism"));
        assertEquals("PEM", properties.get("ssl.truststore.type"));
        assertEquals("120000", properties.get("metadata.max.age.ms"));
        assertEquals(EmbeddedKafka.bootstrapServers(), properties.get("bootstrap.servers"));
        assertEquals("all", properties.get("acks"));
    }
}
