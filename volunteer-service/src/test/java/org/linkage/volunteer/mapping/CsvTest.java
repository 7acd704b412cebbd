package org.linkage.volunteer.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreFormulas() {
        for (String cell : List.of("=1+1", "=cmd|' /C calc'!A0", "@SUM(A1)", "+A1", "-A1", "+", "-")) {
            assertTrue(Csv.isFormula(cell), cell);
        }
    }

    @Test
    void phonesNumbersAndTextAreData() {
        for (String cell : List.of("", "+8613812345678", "-1", "王芳", "first-aid;elder-care", "a=b")) {
            assertFalse(Csv.isFormula(cell), cell);
        }
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertEquals(List.of(List.of("name"), List.of("李强, Jr.", "say \"hi\"")),
                Csv.parse("name\n\"李强, Jr.\",\"say \"\"hi\"\"\"\n"));
    }

    @Test
    void excelsByteOrderMarkIsDroppedAndBlankLinesKeepTheRowNumbers() {
        assertEquals(List.of(List.of("name", "phone"), List.of(""), List.of("王芳", "+8613800138000")),
                Csv.parse("\uFEFFname,phone\r\n\r\n王芳,+8613800138000\r\n"));
    }

    @Test
    void aQuoteLeftOpenIsNotCsv() {
        assertThrows(Csv.MalformedCsvException.class, () -> Csv.parse("name\n\"李强,13800138000\n"));
    }
}
