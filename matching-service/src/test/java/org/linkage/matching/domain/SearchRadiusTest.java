package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchRadiusTest {

    private static final List<Integer> RADII = List.of(500, 1_000, 2_000);

    @Test
    void widensToTheNextLargerRadius() {
        assertEquals(OptionalInt.of(1_000), SearchRadius.wider(500, RADII));
        assertEquals(OptionalInt.of(2_000), SearchRadius.wider(1_000, RADII));
    }

    @Test
    void afterTheWidestThereIsNothingWider() {
        assertEquals(OptionalInt.empty(), SearchRadius.wider(2_000, RADII));
    }

    @Test
    void radiiInAnyOrderAndAStartBetweenThemAreHandled() {
        assertEquals(OptionalInt.of(1_000), SearchRadius.wider(700, List.of(2_000, 500, 1_000)));
        assertEquals(OptionalInt.of(500), SearchRadius.wider(300, RADII));
    }
}
