package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TravelEstimateTest {

    @Test
    void minutesFromTheStraightLineWithStreetsLongerThanIt() {
        assertEquals(2, TravelEstimate.walkingMinutes(100)); // 130 m at 80 m/min
        assertEquals(1, TravelEstimate.ridingMinutes(100));
        assertEquals(17, TravelEstimate.walkingMinutes(1_000)); // 1,300 m: 16.25 min, rounded up
        assertEquals(6, TravelEstimate.ridingMinutes(1_000)); // 5.2 min at 15 km/h, rounded up
        assertEquals(1, TravelEstimate.walkingMinutes(0)); // never "0 minutes away"
        assertNull(TravelEstimate.walkingMinutes(null));
        assertNull(TravelEstimate.ridingMinutes(null));
    }
}
