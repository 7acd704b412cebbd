package org.linkage.activity.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pure rules of attendance hours, photo types and hazard report statuses. */
class ActivityRulesTest {

    private static final Instant NINE = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void hoursAreTheTimePresentToTheHundredthAndAtMostTheActivitysLength() {
        assertEquals(new BigDecimal("1.50"), Attendance.hoursPresent(NINE, NINE.plus(Duration.ofMinutes(90)),
                Duration.ofHours(3)));
        assertEquals(new BigDecimal("3.00"), Attendance.hoursPresent(NINE, NINE.plus(Duration.ofHours(5)),
                Duration.ofHours(3)));
        assertEquals(new BigDecimal("0.00"), Attendance.hoursPresent(NINE, NINE.plusSeconds(10),
                Duration.ofHours(3)));
    }

    @Test
    void imagesAreRecognisedByTheirFirstBytesOnly() {
        assertEquals(Optional.of(ImageType.JPEG), ImageType.of(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of(ImageType.PNG),
                ImageType.of(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0}));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.of("RIFF\0\0\0\0WEBP".getBytes()));
        assertEquals(Optional.empty(), ImageType.of("RIFF\0\0\0\0WAVE".getBytes()));
        assertEquals(Optional.empty(), ImageType.of("GIF89a".getBytes()));
        assertEquals(Optional.empty(), ImageType.of(new byte[]{(byte) 0xFF}));
    }

    @Test
    void aHazardReportIsTriagedAssignedAndResolvedInThatOrderOrDismissedBeforeAssignment() {
        assertEquals(Optional.of(HazardStatus.TRIAGED), HazardStatus.REPORTED.after(HazardStatus.Action.TRIAGE));
        assertEquals(Optional.of(HazardStatus.ASSIGNED), HazardStatus.TRIAGED.after(HazardStatus.Action.ASSIGN));
        assertEquals(Optional.of(HazardStatus.ASSIGNED), HazardStatus.ASSIGNED.after(HazardStatus.Action.ASSIGN));
        assertEquals(Optional.of(HazardStatus.RESOLVED), HazardStatus.ASSIGNED.after(HazardStatus.Action.RESOLVE));
        assertEquals(Optional.of(HazardStatus.DISMISSED), HazardStatus.REPORTED.after(HazardStatus.Action.DISMISS));
        assertEquals(Optional.empty(), HazardStatus.REPORTED.after(HazardStatus.Action.RESOLVE));
        assertEquals(Optional.empty(), HazardStatus.ASSIGNED.after(HazardStatus.Action.DISMISS));
        for (HazardStatus.Action action : HazardStatus.Action.values()) {
            assertEquals(Optional.empty(), HazardStatus.RESOLVED.after(action));
            assertEquals(Optional.empty(), HazardStatus.DISMISSED.after(action));
        }
    }
}
