package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A volunteer's lifetime hours crossed a star threshold (1★ at 100 h, 2★ 300, 3★ 600, 4★ 1000, 5★ 1500).
 *
 * @param starLevel the level reached, 1 to 5
 */
public record StarLevelReached(UUID volunteerId, int starLevel, BigDecimal lifetimeHours) implements VolunteerEvent {

    public static final String TYPE = "StarLevelReached";

    public static StarLevelReached of(UUID volunteerId, int starLevel, BigDecimal lifetimeHours) {
        return new StarLevelReached(volunteerId, starLevel, lifetimeHours);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
