package org.linkage.chassis.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkage.chassis.kafka.ReliableProducers;
import org.linkage.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Moves a message that cannot be processed to the service's dead-letter topic {@code linkage.<service>.dlq}, with
 * headers saying where it came from and why it failed, so that an operator can inspect and replay it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final ReliableProducers producers;
    private final String serviceName;
    private final MeterRegistry registry;
    private KafkaProducer<String, String> producer;

    DeadLetters(ReliableProducers producers,
                @ConfigProperty(name = "quarkus.application.name") String serviceName, MeterRegistry registry) {
        this.producers = producers;
        this.serviceName = serviceName;
        this.registry = registry;
    }

    public String topic() {
        return Topics.deadLetter(serviceName);
    }

    /** Returns only once the broker has the message, so that the original may then be acknowledged. */
    public void send(ConsumerRecord<String, String> original, Throwable cause) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic(), original.key(), original.value());
        original.headers().forEach(letter.headers()::add);
        header(letter, "dead-letter-reason", String.valueOf(cause.getMessage()));
        header(letter, "dead-letter-cause", cause.getClass().getName());
        header(letter, "dead-letter-topic", original.topic());
        header(letter, "dead-letter-partition", Integer.toString(original.partition()));
        header(letter, "dead-letter-offset", Long.toString(original.offset()));
        try {
            producer().send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not dead-letter " + original.topic() + "/" + original.partition()
                    + "@" + original.offset(), e);
        }
        registry.counter("linkage.events.dead.lettered", "topic", original.topic()).increment();
        LOG.errorf("Dead-lettered %s/%d@%d to %s: %s", original.topic(), original.partition(), original.offset(),
                topic(), cause.toString());
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = producers.create(serviceName + "-dead-letters");
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
