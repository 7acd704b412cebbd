package org.linkage.activity.mapping;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BeneficiaryMapperTest {

    @Test
    void aPhoneIsMaskedToItsFirstThreeAndLastFourDigitsUnlessShownInFull() {
        assertEquals("138****5678", BeneficiaryMapper.phone("+86 138 0000 5678", false));
        assertEquals("138****5678", BeneficiaryMapper.phone("13800005678", false));
        assertEquals("+86 138 0000 5678", BeneficiaryMapper.phone("+86 138 0000 5678", true));
        assertEquals("*****", BeneficiaryMapper.phone("12-345", false));
        assertNull(BeneficiaryMapper.phone(null, false));
    }
}
