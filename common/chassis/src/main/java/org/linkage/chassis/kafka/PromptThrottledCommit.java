package org.linkage.chassis.kafka;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.commit.KafkaThrottledLatestProcessedCommit;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * The connector's throttled commit strategy (offsets committed every {@code auto.commit.interval.ms} up to the last
 * record processed in sequence), except that a partition's committed offset is read as the partition is assigned.
 * The throttled strategy asks for it when the partition's first record arrives, a question it queues on the polling
 * thread behind the poll in progress: after every start and rebalance, each partition's first record waited up to a
 * poll timeout (100-140 ms a hop; docs/performance.md "Start and the first need"). Here it is read in the rebalance
 * listener, inside the poll, and the throttled strategy's question is answered from that reading. Every channel uses it
 * ({@code commit-strategy} in the chassis configuration).
 */
public final class PromptThrottledCommit extends ContextHolder implements KafkaCommitHandler {

    public static final String STRATEGY = "throttled-prompt";

    private final KafkaThrottledLatestProcessedCommit throttled;
    private final KafkaConsumer<?, ?> consumer;
    private final CommittedAtAssignment committed;

    private PromptThrottledCommit(Vertx vertx, int timeout, KafkaThrottledLatestProcessedCommit throttled,
                                  KafkaConsumer<?, ?> consumer, CommittedAtAssignment committed) {
        super(vertx, timeout);
        this.throttled = throttled;
        this.consumer = consumer;
        this.committed = committed;
    }

    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        private final KafkaThrottledLatestProcessedCommit.Factory throttled =
                new KafkaThrottledLatestProcessedCommit.Factory();

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                         KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            CommittedAtAssignment committed = new CommittedAtAssignment();
            KafkaThrottledLatestProcessedCommit handler =
                    throttled.create(config, vertx, answeringFrom(committed, consumer), reportFailure);
            return new PromptThrottledCommit(vertx, handler.getTimeoutInMillis(), handler, consumer, committed);
        }
    }

    /** The consumer, whose {@code committed(...)} answers from what was read at assignment where it can. */
    @SuppressWarnings("unchecked")
    static KafkaConsumer<?, ?> answeringFrom(CommittedAtAssignment committed, KafkaConsumer<?, ?> consumer) {
        return (KafkaConsumer<?, ?>) Proxy.newProxyInstance(KafkaConsumer.class.getClassLoader(),
                new Class<?>[] {KafkaConsumer.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("committed") && arguments != null && arguments.length == 1
                            && arguments[0] instanceof TopicPartition[] partitions) {
                        var read = committed.take(partitions);
                        if (read.isPresent()) {
                            return Uni.createFrom().item(read.get());
                        }
                    }
                    try {
                        return method.invoke(consumer, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** On the polling thread, inside the poll: reading the committed offsets here may block. */
    @Override
    public void partitionsAssigned(Collection<TopicPartition> partitions) {
        committed.assigned(consumer.unwrap(), partitions);
        throttled.partitionsAssigned(partitions);
    }

    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        committed.revoked(partitions);
        throttled.partitionsRevoked(partitions);
    }

    @Override
    public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
        return throttled.received(record);
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        return throttled.handle(record);
    }

    @Override
    public <K, V> Multi<IncomingKafkaRecord<K, V>> decorateStream(Multi<IncomingKafkaRecord<K, V>> consumed) {
        return throttled.decorateStream(consumed);
    }

    @Override
    public void terminate(boolean graceful) {
        throttled.terminate(graceful);
    }

    // The connector hands its context to a commit handler that holds one; the throttled strategy runs on it.
    @Override
    public void capture(Context context) {
        super.capture(context);
        throttled.capture(context);
    }

    @Override
    public void capture(io.vertx.core.Context context) {
        super.capture(context);
        throttled.capture(context);
    }
}
