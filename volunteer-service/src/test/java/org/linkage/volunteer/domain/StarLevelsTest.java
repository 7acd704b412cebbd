package org.linkage.volunteer.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StarLevelsTest {

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    @Test
    void eachThresholdGivesItsStarExactlyWhenReached() {
        assertEquals(0, StarLevels.levelFor(hours("0")));
        assertEquals(0, StarLevels.levelFor(hours("99.99")));
        assertEquals(1, StarLevels.levelFor(hours("100")));
        assertEquals(1, StarLevels.levelFor(hours("299.99")));
        assertEquals(2, StarLevels.levelFor(hours("300.00")));
        assertEquals(3, StarLevels.levelFor(hours("600")));
        assertEquals(3, StarLevels.levelFor(hours("999.99")));
        assertEquals(4, StarLevels.levelFor(hours("1000")));
        assertEquals(5, StarLevels.levelFor(hours("1500")));
        assertEquals(5, StarLevels.levelFor(hours("9000")));
    }

    @Test
    void crossingReachesEveryLevelInBetweenAndFallingReachesNone() {
        assertEquals(List.of(), StarLevels.reached(0, hours("99.99")));
        assertEquals(List.of(1), StarLevels.reached(0, hours("100")));
        assertEquals(List.of(), StarLevels.reached(1, hours("100.5")));
        assertEquals(List.of(2, 3, 4), StarLevels.reached(1, hours("1000")));
        assertEquals(List.of(), StarLevels.reached(2, hours("120")));
    }

    @Test
    void theNextThresholdIsTheNextStarUntilTheFifth() {
        assertEquals(Optional.of(hours("100")), StarLevels.nextThreshold(hours("0")));
        assertEquals(Optional.of(hours("300")), StarLevels.nextThreshold(hours("100")));
        assertEquals(Optional.of(hours("1500")), StarLevels.nextThreshold(hours("1499.99")));
        assertEquals(Optional.empty(), StarLevels.nextThreshold(hours("1500")));
    }
}
