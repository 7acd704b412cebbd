package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages replicas exchange about live positions: what goes in comes out, in payloads PostgreSQL takes. */
public class SharedFixesTest {

    /** What a replica heard; also the second replica of LivePositionSharingTest. */
    public static final class Recorder implements SharedFixes.Receiver {
        public final Map<UUID, LivePositions.Fix> fixes = new LinkedHashMap<>();
        public final List<String> others = new ArrayList<>();

        @Override
        public void fix(UUID volunteerId, LivePositions.Fix fix) {
            fixes.put(volunteerId, fix);
        }

        @Override
        public void dropped(UUID volunteerId) {
            others.add("dropped " + volunteerId);
        }

        @Override
        public void forgotten(UUID volunteerId) {
            others.add("forgotten " + volunteerId);
        }
    }

    @Test
    void fixesComeOutAsTheyWentInSplitIntoPayloadsUnderTheLimit() {
        Map<UUID, LivePositions.Fix> sent = new LinkedHashMap<>();
        SharedFixes.Batch batch = new SharedFixes.Batch();
        for (int i = 0; i < 1_000; i++) {
            LivePositions.Fix fix = new LivePositions.Fix(35.2367 + i * 1e-5, 115.4806 - i * 1e-5, i % 100,
                    1_800_000_000_000L + i, 1_800_000_000_500L + i);
            UUID id = UUID.randomUUID();
            sent.put(id, fix);
            batch.accept(id, fix);
        }
        List<String> payloads = batch.payloads();
        assertEquals((1_000 + SharedFixes.FIXES_PER_PAYLOAD - 1) / SharedFixes.FIXES_PER_PAYLOAD, payloads.size());
        Recorder received = new Recorder();
        for (String payload : payloads) {
            assertTrue(payload.length() < SharedFixes.MAX_PAYLOAD, payload.length() + " characters");
            SharedFixes.read(payload, received);
        }
        assertEquals(sent, received.fixes);
        assertTrue(new SharedFixes.Batch().payloads().isEmpty());
    }

    @Test
    void dropsAndWithdrawalsAreToldAndWhatIsNotUnderstoodIsIgnored() {
        UUID id = UUID.randomUUID();
        Recorder received = new Recorder();
        SharedFixes.read(SharedFixes.dropped(id), received);
        SharedFixes.read(SharedFixes.forgotten(id), received);
        SharedFixes.read("Qsomething newer", received);
        SharedFixes.read("Dnot-a-uuid", received);
        SharedFixes.read("F!!!", received);
        SharedFixes.read("", received);
        assertEquals(List.of("dropped " + id, "forgotten " + id), received.others);
        assertTrue(received.fixes.isEmpty());
    }
}
