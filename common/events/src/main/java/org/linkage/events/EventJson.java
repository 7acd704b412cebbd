package org.linkage.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.UncheckedIOException;
import java.util.Collection;

/** The single JSON mapping of events, so that every producer writes and every consumer reads the same way. */
public final class EventJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws MalformedEventException when the text is not an envelope */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.eventType() == null || envelope.payload() == null) {
                throw new MalformedEventException("envelope lacks eventId, eventType or payload");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a JSON event envelope: " + e.getOriginalMessage());
        }
    }

    /**
     * Builds, once, what reading an envelope and these payload types and writing an envelope take (the root
     * deserializers and serializer), and reads each payload type from an empty object once, so that the first event
     * read or written does not: a payload record is built through its constructor by reflection, whose method handles
     * the JDK makes at the first call (10 ms for NeedRaised). Returns how many types were prepared.
     */
    public static int prepare(Collection<Class<?>> payloadTypes) {
        MAPPER.readerFor(EventEnvelope.class);
        MAPPER.writerFor(EventEnvelope.class);
        ObjectNode empty = MAPPER.createObjectNode();
        for (Class<?> type : payloadTypes) {
            MAPPER.readerFor(type);
            try {
                MAPPER.convertValue(empty, type);
            } catch (IllegalArgumentException refused) {
                // A payload whose constructor refuses missing fields: it ran, which is all this is for.
            }
        }
        return 2 + payloadTypes.size();
    }

    private EventJson() {
    }
}
