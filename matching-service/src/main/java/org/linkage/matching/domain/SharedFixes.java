package org.linkage.matching.domain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What matching replicas tell each other about live positions, as short text messages (PostgreSQL NOTIFY payloads
 * stay under 8,000 bytes): the latest fixes pinged to one replica, coalesced; a responder off the roster; a
 * position its responder stopped sharing. Nothing here is stored anywhere.
 */
public final class SharedFixes {

    /** Below PostgreSQL's 8,000-byte limit on a NOTIFY payload. */
    public static final int MAX_PAYLOAD = 7_800;
    private static final char FIXES = 'F';
    private static final char DROPPED = 'D';
    private static final char FORGOTTEN = 'X';
    private static final int FIX_BYTES = 16 + 8 + 8 + 4 + 8 + 8;
    /** As many fixes as fit one payload once in Base64 (4 characters per 3 bytes). */
    static final int FIXES_PER_PAYLOAD = (MAX_PAYLOAD - 1) / 4 * 3 / FIX_BYTES;

    /** What a message says, for whoever receives it. */
    public interface Receiver {
        void fix(UUID volunteerId, LivePositions.Fix fix);

        void dropped(UUID volunteerId);

        void forgotten(UUID volunteerId);
    }

    /** Accumulates fixes into as few payloads as fit. */
    public static final class Batch implements BiConsumer<UUID, LivePositions.Fix> {
        private final List<String> payloads = new ArrayList<>();
        private ByteBuffer buffer = ByteBuffer.allocate(FIXES_PER_PAYLOAD * FIX_BYTES);

        @Override
        public void accept(UUID volunteerId, LivePositions.Fix fix) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            buffer.putLong(volunteerId.getMostSignificantBits()).putLong(volunteerId.getLeastSignificantBits())
                    .putDouble(fix.latitude()).putDouble(fix.longitude()).putInt(fix.accuracyMetres())
                    .putLong(fix.recordedAt()).putLong(fix.receivedAt());
        }

        /** The payloads, each under {@link #MAX_PAYLOAD}; none if no fix was added. */
        public List<String> payloads() {
            if (buffer.position() > 0) {
                flush();
            }
            return payloads;
        }

        private void flush() {
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            payloads.add(FIXES + Base64.getEncoder().encodeToString(bytes));
            buffer = ByteBuffer.allocate(FIXES_PER_PAYLOAD * FIX_BYTES);
        }
    }

    public static String dropped(UUID volunteerId) {
        return DROPPED + volunteerId.toString();
    }

    public static String forgotten(UUID volunteerId) {
        return FORGOTTEN + volunteerId.toString();
    }

    /** Reads one payload; one that is not understood (another version) is ignored. */
    public static void read(String payload, Receiver receiver) {
        if (payload == null || payload.isEmpty()) {
            return;
        }
        String body = payload.substring(1);
        try {
            switch (payload.charAt(0)) {
                case FIXES -> {
                    ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(body));
                    while (buffer.remaining() >= FIX_BYTES) {
                        UUID id = new UUID(buffer.getLong(), buffer.getLong());
                        receiver.fix(id, new LivePositions.Fix(buffer.getDouble(), buffer.getDouble(),
                                buffer.getInt(), buffer.getLong(), buffer.getLong()));
                    }
                }
                case DROPPED -> receiver.dropped(UUID.fromString(body));
                case FORGOTTEN -> receiver.forgotten(UUID.fromString(body));
                default -> {
                    // Not this version's: ignored.
                }
            }
        } catch (IllegalArgumentException e) {
            // Malformed: ignored, as from another version.
        }
    }

    private SharedFixes() {
    }
}
