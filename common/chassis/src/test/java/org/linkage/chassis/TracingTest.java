package org.linkage.chassis;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    Outbox outbox;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CollectedSpans spans;

    @Test
    void anEventRaisedByARequestCarriesTheRequestsTraceInItsEnvelopeAndHeader() {
        String subject = UUID.randomUUID().toString();
        given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .when().post("/test-events/" + subject)
                .then().statusCode(200);

        ConsumerRecord<String, String> record = awaitRecord(subject);
        String traceparent = EventJson.read(record.value()).traceparent();
        assertTrue(traceparent.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), traceparent);
        assertEquals(traceparent, new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    }

    @Test
    void anEventRaisedOutsideAnyTraceCarriesNone() {
        String subject = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new TestEvent(subject, 1)));
        ConsumerRecord<String, String> record = awaitRecord(subject);
        assertNull(EventJson.read(record.value()).traceparent());
        assertNull(record.headers().lastHeader("traceparent"));
    }

    @Test
    void consumingAnEventContinuesItsTraceInAConsumerSpanAndTheEventsItRaisesStayInIt() {
        String parentSpanId = "00f067aa0ba902b7";
        EventEnvelope received = EventEnvelope.wrap(new TestEvent("s", 1), Instant.now(),
                "00-" + TRACE_ID + "-" + parentSpanId + "-01");
        String raised = UUID.randomUUID().toString();
        AtomicReference<String> handlerTraceId = new AtomicReference<>();
        EventHandlers handlers = EventHandlers.builder()
                .on(TestEvent.TYPE, TestEvent.class, event -> {
                    handlerTraceId.set(Span.current().getSpanContext().getTraceId());
                    outbox.publish(new TestEvent(raised, 2));
                })
                .build();

        assertTrue(consumer.apply(EventJson.write(received), handlers));

        assertEquals(TRACE_ID, handlerTraceId.get());
        SpanData consumerSpan = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER
                && received.eventId().toString().equals(s.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))));
        assertEquals(TRACE_ID, consumerSpan.getTraceId());
        assertEquals(parentSpanId, consumerSpan.getParentSpanId());
        assertEquals("TestEvent process", consumerSpan.getName());
        String traceparent = EventJson.read(awaitRecord(raised).value()).traceparent();
        assertEquals("00-" + TRACE_ID + "-" + consumerSpan.getSpanId() + "-01", traceparent);
    }

    @Test
    void spansAreExportedOnlyWhereACollectorIsConfigured() {
        Optional<String> endpoint = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class);
        assertTrue(endpoint.map(String::isBlank).orElse(true), "traces endpoint by default: " + endpoint);
    }

    private SpanData awaitSpan(Predicate<SpanData> matching) {
        return Eventually.latest("the span", () -> spans.all().stream().filter(matching).findFirst(),
                Optional::isPresent, Duration.ofSeconds(15))
                .orElseGet(() -> fail("no such span among " + spans.all()));
    }

    private static ConsumerRecord<String, String> awaitRecord(String subject) {
        return Eventually.latest("the event for " + subject, () -> TopicProbe.readAll(TestEvent.TOPIC).stream()
                        .filter(r -> subject.equals(r.key())).findFirst(), Optional::isPresent, Duration.ofSeconds(15))
                .orElseGet(() -> fail("no event for " + subject));
    }
}
