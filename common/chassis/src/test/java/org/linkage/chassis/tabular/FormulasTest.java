package org.linkage.chassis.tabular;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormulasTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreFormulas() {
        for (String cell : List.of("=1+1", "=cmd|' /C calc'!A0", "@SUM(A1)", "+A1", "-A1", "+", "-")) {
            assertTrue(Formulas.wouldRun(cell), cell);
        }
    }

    @Test
    void exportedTextThatCouldRunGetsAnApostrophe() {
        for (String cell : List.of("=1+1", "+86", "-1", "@A1", "\tx", "\rx")) {
            assertEquals("'" + cell, Formulas.neutralised(cell), cell);
        }
        assertEquals("王芳", Formulas.neutralised("王芳"));
    }

    @Test
    void phonesNumbersAndTextAreData() {
        for (String cell : List.of("", "+8613812345678", "-1", "王芳", "first-aid;elder-care", "a=b")) {
            assertFalse(Formulas.wouldRun(cell), cell);
        }
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertEquals(List.of(List.of("name"), List.of("李强, Jr.", "say \"hi\"")),
                TableReader.csv("name\n\"李强, Jr.\",\"say \"\"hi\"\"\"\n"));
    }

    @Test
    void excelsByteOrderMarkIsDroppedAndBlankLinesKeepTheRowNumbers() {
        assertEquals(List.of(List.of("name", "phone"), List.of(""), List.of("王芳", "+8613800138000")),
                TableReader.csv("\uFEFFname,phone\r\n\r\n王芳,+8613800138000\r\n"));
    }

    @Test
    void aQuoteLeftOpenIsNotCsv() {
        assertThrows(ProblemException.class, () -> TableReader.csv("name\n\"李强,13800138000\n"));
    }
}
