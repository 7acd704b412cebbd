package org.linkage.chassis.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed offsets of a consumer's partitions, asked for when they are assigned and each answered once: for a
 * partition's first record after that assignment. Taken on the polling thread inside the poll (the rebalance
 * listener), where asking may block; later questions, and those this cannot answer, go to the broker as before.
 */
public final class CommittedAtAssignment {

    private static final Logger LOG = Logger.getLogger(CommittedAtAssignment.class);

    // Optional.empty(): the partition has no committed offset (the consumer answers null for it).
    private final Map<TopicPartition, Optional<OffsetAndMetadata>> offsets = new ConcurrentHashMap<>();

    /** Called on the polling thread as partitions are assigned: one question to the broker for all of them. */
    public void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            partitions.forEach(partition -> offsets.put(partition, Optional.ofNullable(committed.get(partition))));
        } catch (KafkaException e) {
            // Nothing lost: the first record's question then goes to the broker, as without this.
            partitions.forEach(offsets::remove);
            LOG.debugf(e, "Committed offsets of %s not read at assignment", partitions);
        }
    }

    /** Called as partitions are revoked or lost: what was read for them may be out of date by their next turn. */
    public void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(offsets::remove);
    }

    /**
     * The committed offsets of these partitions as read at their assignment (a value null where none is committed),
     * each given once; empty when any of them was not read then or was given already.
     */
    public Optional<Map<TopicPartition, OffsetAndMetadata>> take(TopicPartition... partitions) {
        for (TopicPartition partition : partitions) {
            if (!offsets.containsKey(partition)) {
                return Optional.empty();
            }
        }
        Map<TopicPartition, OffsetAndMetadata> answer = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Optional<OffsetAndMetadata> read = offsets.remove(partition);
            if (read == null) {
                // Revoked meanwhile: ask the broker.
                return Optional.empty();
            }
            answer.put(partition, read.orElse(null));
        }
        return Optional.of(answer);
    }
}
