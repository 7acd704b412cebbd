package org.linkage.chassis.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ControlCharactersTest {

    @Test
    void findsC0ControlsNonCharactersAndLoneSurrogates() {
        assertEquals(1, ControlCharacters.firstForbidden("a\u0000"));
        assertEquals(0, ControlCharacters.firstForbidden("\u001f"));
        assertEquals(2, ControlCharacters.firstForbidden("ab\uFFFE"));
        assertEquals(0, ControlCharacters.firstForbidden("\uFFFF"));
        assertEquals(1, ControlCharacters.firstForbidden("a\uD800b"));
        assertEquals(1, ControlCharacters.firstForbidden("a\uDC00"));
        assertEquals(1, ControlCharacters.firstForbidden("a\uD83D"));
    }

    @Test
    void allowsTabsLineBreaksAndEveryPairedCharacter() {
        assertEquals(-1, ControlCharacters.firstForbidden("a\tb\nc\r\n"));
        assertEquals(-1, ControlCharacters.firstForbidden("王芳 \uD83D\uDE00 é"));
        assertEquals(-1, ControlCharacters.firstForbidden(""));
        assertEquals(-1, ControlCharacters.firstForbidden(null));
    }

    @Test
    void refusesWithTheFieldAndAPrintableName() {
        ProblemException e = assertThrows(ProblemException.class, () -> ControlCharacters.require("k\u0000", "\u0007"));
        assertEquals(400, e.status());
        assertEquals("k\\u0000", e.violations().get(0).field());
        assertEquals("must not contain control characters (U+0007 at position 0)", e.violations().get(0).message());
        assertEquals("\uD83D\uDE00\\uD800", ControlCharacters.printable("\uD83D\uDE00\uD800"));
    }
}
