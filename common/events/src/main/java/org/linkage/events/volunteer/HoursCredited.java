package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Service hours were added to (or, for a correction, taken from) a volunteer's ledger.
 *
 * @param source        NEED, ACTIVITY or CORRECTION
 * @param sourceId      the completed need or activity, or the corrected entry
 * @param hours         negative for a compensating correction
 * @param lifetimeHours the volunteer's total after this entry
 */
public record HoursCredited(UUID volunteerId, UUID entryId, String source, UUID sourceId, LocalDate serviceDate,
                            BigDecimal hours, BigDecimal lifetimeHours) implements VolunteerEvent {

    public static final String TYPE = "HoursCredited";

    public static HoursCredited of(UUID volunteerId, UUID entryId, String source, UUID sourceId, LocalDate serviceDate,
                                   BigDecimal hours, BigDecimal lifetimeHours) {
        return new HoursCredited(volunteerId, entryId, source, sourceId, serviceDate, hours, lifetimeHours);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
