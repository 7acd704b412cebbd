package org.linkage.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker (KRaft, combined broker and controller) per test JVM, started on first use.
 * The only class that touches Kafka's test kit, which is not a public API.
 */
public final class EmbeddedKafka {

    private static KafkaClusterTestKit cluster;

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // A broker that hits a fatal error (say, while the JVM is shutting down) halts the whole JVM with a
            // non-zero code; in a test JVM that turns a green run into a crashed fork. Log it instead.
            Exit.setHaltProcedure((code, message) ->
                    System.err.println("Embedded Kafka asked to halt (" + code + "): " + message));
            Exit.setExitProcedure((code, message) ->
                    System.err.println("Embedded Kafka asked to exit (" + code + "): " + message));
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop, "embedded-kafka-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception ignored) {
            // the JVM is going away
        }
    }

    private EmbeddedKafka() {
    }
}
