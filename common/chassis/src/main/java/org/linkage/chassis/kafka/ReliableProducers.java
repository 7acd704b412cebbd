package org.linkage.chassis.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The one producer configuration for what must not be lost: the outbox relay and the dead-letter sender. It starts
 * from every {@code kafka.*} property the SmallRye channels get (Quarkus' {@code default-kafka-broker} map, which
 * also reads {@code KAFKA_*} environment variables), so that TLS and SASL settings reach these producers too, and
 * sets its own delivery guarantees on top.
 */
@ApplicationScoped
public class ReliableProducers {

    private final Map<String, Object> broker;

    ReliableProducers(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = broker;
    }

    public KafkaProducer<String, String> create(String clientId) {
        return new KafkaProducer<>(properties(clientId));
    }

    /** What {@link #create} configures its producer with. */
    public Map<String, Object> properties(String clientId) {
        return properties(broker, clientId);
    }

    /**
     * The configured client properties a producer knows (security.protocol, sasl.*, ssl.*, bootstrap.servers, ...;
     * consumer-only ones such as group.id are left out), overridden by what reliable delivery needs.
     */
    public static Map<String, Object> properties(Map<String, Object> broker, String clientId) {
        Map<String, Object> properties = new HashMap<>();
        broker.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                properties.put(name, value);
            }
        });
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Kafka 4 waits 5 ms by default to batch; an event should leave at once.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return properties;
    }
}
