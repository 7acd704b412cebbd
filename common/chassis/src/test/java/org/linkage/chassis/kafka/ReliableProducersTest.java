package org.linkage.chassis.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The chassis' own producers get every configured client property, not only bootstrap.servers. */
class ReliableProducersTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"volunteer-service\" password=\"secret\";";

    @Test
    void tlsAndSaslSettingsReachTheProducer() {
        Map<String, Object> broker = Map.of(
                "bootstrap.servers", "linkage-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
                "ssl.truststore.password", "changeit",
                "ssl.truststore.type", "PKCS12",
                "ssl.keystore.location", "/etc/kafka-user/user.p12",
                "ssl.keystore.password", "user-secret");

        Map<String, Object> properties = ReliableProducers.properties(broker, "volunteer-service-outbox-relay");

        broker.forEach((name, value) -> assertEquals(value, properties.get(name), name));
        assertEquals("volunteer-service-outbox-relay", properties.get("client.id"));
    }

    @Test
    void itsOwnGuaranteesWinAndConsumerOnlySettingsAreLeftOut() {
        Map<String, Object> properties = ReliableProducers.properties(Map.of(
                "bootstrap.servers", "localhost:19092", "acks", "1", "enable.idempotence", "false",
                "group.id", "volunteer-service", "devservices.enabled", "false"), "relay");

        assertEquals("all", properties.get("acks"));
        assertEquals(true, properties.get("enable.idempotence"));
        assertEquals("localhost:19092", properties.get("bootstrap.servers"));
        assertFalse(properties.containsKey("group.id"), "a producer does not know group.id");
        assertFalse(properties.containsKey("devservices.enabled"), "Quarkus' own keys are not client properties");
    }
}
