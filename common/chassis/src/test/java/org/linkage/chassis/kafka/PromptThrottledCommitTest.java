package org.linkage.chassis.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed offsets read at assignment answer the throttled strategy's question for each partition's first record
 * once; anything else goes to the broker. (That every channel consumes through it, from where it left off, is what
 * the services' event tests and the launcher's kill tests exercise.)
 */
class PromptThrottledCommitTest {

    private static final TopicPartition FIRST = new TopicPartition("need-events", 0);
    private static final TopicPartition SECOND = new TopicPartition("need-events", 1);
    private static final Map<TopicPartition, OffsetAndMetadata> ON_THE_BROKER =
            Map.of(FIRST, new OffsetAndMetadata(41), SECOND, new OffsetAndMetadata(7));

    @Test
    void theOffsetsReadAtAssignmentAnswerEachPartitionsFirstQuestionOnce() {
        CommittedAtAssignment committed = new CommittedAtAssignment();
        committed.assigned(brokerWith(Map.of(FIRST, new OffsetAndMetadata(41))), List.of(FIRST, SECOND));
        AtomicInteger askedTheBroker = new AtomicInteger();
        KafkaConsumer<?, ?> consumer = PromptThrottledCommit.answeringFrom(committed, broker(askedTheBroker));

        Map<TopicPartition, OffsetAndMetadata> first = consumer.committed(FIRST).await().indefinitely();
        Map<TopicPartition, OffsetAndMetadata> second = consumer.committed(SECOND).await().indefinitely();
        assertEquals(41, first.get(FIRST).offset());
        assertTrue(second.containsKey(SECOND));
        assertNull(second.get(SECOND), "no offset committed for it: null, as the consumer answers");
        assertEquals(0, askedTheBroker.get());

        assertEquals(7, consumer.committed(SECOND).await().indefinitely().get(SECOND).offset(),
                "a second question is the broker's");
        assertEquals(1, askedTheBroker.get());
    }

    @Test
    void revokedPartitionsAndPartitionsNotReadAreTheBrokers() {
        CommittedAtAssignment committed = new CommittedAtAssignment();
        committed.assigned(brokerWith(Map.of(FIRST, new OffsetAndMetadata(3))), List.of(FIRST));
        committed.revoked(List.of(FIRST));
        AtomicInteger askedTheBroker = new AtomicInteger();
        KafkaConsumer<?, ?> consumer = PromptThrottledCommit.answeringFrom(committed, broker(askedTheBroker));

        assertEquals(41, consumer.committed(FIRST).await().indefinitely().get(FIRST).offset());
        assertEquals(7, consumer.committed(SECOND).await().indefinitely().get(SECOND).offset());
        assertEquals(2, askedTheBroker.get());
    }

    @Test
    void aFailedReadAtAssignmentLeavesTheQuestionToTheBroker() {
        MockConsumer<String, String> unreachable = new MockConsumer<>(OffsetResetStrategy.EARLIEST) {
            @Override
            public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
                throw new KafkaException("the coordinator is not available");
            }
        };
        CommittedAtAssignment committed = new CommittedAtAssignment();
        committed.assigned(unreachable, List.of(FIRST));

        assertTrue(committed.take(FIRST).isEmpty());
    }

    @Test
    void aQuestionAboutSeveralPartitionsIsAnsweredOnlyWhenAllWereRead() {
        CommittedAtAssignment committed = new CommittedAtAssignment();
        committed.assigned(brokerWith(ON_THE_BROKER), List.of(FIRST));

        assertTrue(committed.take(FIRST, SECOND).isEmpty());
        assertEquals(41, committed.take(FIRST).orElseThrow().get(FIRST).offset(), "still there for its own question");
    }

    private static MockConsumer<String, String> brokerWith(Map<TopicPartition, OffsetAndMetadata> offsets) {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(FIRST, SECOND));
        consumer.commitSync(offsets);
        return consumer;
    }

    /** The connector's consumer, as far as the question goes: it asks the broker (here, {@link #ON_THE_BROKER}). */
    private static KafkaConsumer<?, ?> broker(AtomicInteger asked) {
        return (KafkaConsumer<?, ?>) Proxy.newProxyInstance(KafkaConsumer.class.getClassLoader(),
                new Class<?>[] {KafkaConsumer.class}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("committed")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    asked.incrementAndGet();
                    Map<TopicPartition, OffsetAndMetadata> answer = new HashMap<>();
                    for (TopicPartition partition : (TopicPartition[]) arguments[0]) {
                        answer.put(partition, ON_THE_BROKER.get(partition));
                    }
                    return Uni.createFrom().item(answer);
                });
    }
}
