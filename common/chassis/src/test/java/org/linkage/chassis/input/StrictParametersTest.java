package org.linkage.chassis.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictParametersTest {

    @Test
    void integersOnlyInRange() {
        assertTrue(StrictParameters.within("2147483647", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertTrue(StrictParameters.within("-3", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertFalse(StrictParameters.within("2147483648", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertFalse(StrictParameters.within("99999999999999999999", Long.MIN_VALUE, Long.MAX_VALUE));
        assertFalse(StrictParameters.within("1.5", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertFalse(StrictParameters.within(" 1", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertFalse(StrictParameters.within("", Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void numbersOnlyFinite() {
        assertTrue(StrictParameters.finiteNumber("31.2304"));
        assertTrue(StrictParameters.finiteNumber("-1e3"));
        assertFalse(StrictParameters.finiteNumber("1e999"));
        assertFalse(StrictParameters.finiteNumber("NaN"));
        assertFalse(StrictParameters.finiteNumber("Infinity"));
        assertFalse(StrictParameters.finiteNumber("0x10p1"));
        assertFalse(StrictParameters.finiteNumber("1d"));
    }
}
