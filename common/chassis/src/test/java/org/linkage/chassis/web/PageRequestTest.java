package org.linkage.chassis.web;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {

    @Test
    void aPageBeyondAnyRowStaysAPositiveIntOffset() {
        for (int size : new int[]{1, 20, 100, 200}) {
            var page = PageRequest.of(Integer.MAX_VALUE, size);
            long offset = (long) page.index * page.size;
            assertTrue(offset >= 0 && offset + size <= Integer.MAX_VALUE, "size " + size + ": " + offset);
            assertEquals(page.index * page.size, offset, "Panache's int product must not overflow");
        }
        assertEquals(3, PageRequest.of(3, 20).index);
    }

    @Test
    void negativeNumbersAreInvalid() {
        assertEquals("page", assertThrows(ProblemException.class, () -> PageRequest.of(-1, 20))
                .violations().get(0).field());
        assertEquals("size", assertThrows(ProblemException.class, () -> PageRequest.of(0, 0))
                .violations().get(0).field());
    }
}
