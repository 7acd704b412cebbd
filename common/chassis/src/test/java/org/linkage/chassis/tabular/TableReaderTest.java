package org.linkage.chassis.tabular;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableReaderTest {

    private static final String TEXT = "姓名,手机号\r\n王芳,13812345678\r\n";

    @Test
    void utf8WithAndWithoutBomAndGbkReadAlike() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));
        for (byte[] file : List.of(utf8, bom, gbk)) {
            Table table = TableReader.read(file, 10);
            assertEquals(List.of("姓名", "手机号"), table.header());
            assertEquals(List.of("王芳", "13812345678"), table.rows().get(0).cells());
            assertEquals(2, table.rows().get(0).number());
        }
    }

    @Test
    void unicodeTextAndUndecodableBytesAreAnUnsupportedEncoding() {
        byte[] utf16 = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
        ProblemException refused = assertThrows(ProblemException.class, () -> TableReader.read(utf16, 10));
        assertEquals("unsupported-encoding", refused.slug());
        assertEquals("body", refused.violations().get(0).field());
        byte[] broken = {'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFF, '\n'};
        assertEquals("unsupported-encoding",
                assertThrows(ProblemException.class, () -> TableReader.read(broken, 10)).slug());
    }

    @Test
    void anXlsxSheetReadsWithRowNumbersGapsAndIsoDates() throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("志愿者");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Name");
            header.createCell(1).setCellValue("出生日期");
            header.createCell(2).setCellValue("phone");
            var row = sheet.createRow(3);
            row.createCell(0).setCellValue("李强");
            var date = row.createCell(1);
            date.setCellValue(LocalDate.of(2016, 5, 1));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            date.setCellStyle(style);
            row.createCell(2).setCellValue(13912345678d);
            workbook.write(out);
            file = out.toByteArray();
        }
        Table table = TableReader.read(file, 10);
        assertEquals(List.of("Name", "出生日期", "phone"), table.header());
        assertEquals(1, table.rows().size());
        assertEquals(4, table.rows().get(0).number());
        assertEquals(List.of("李强", "2016-05-01", "13912345678"), table.rows().get(0).cells());

        Columns columns = Columns.of(Columns.required("name", "姓名"), Columns.optional("birthDate", "出生日期"),
                Columns.required("phone", "手机号"));
        Map<String, Integer> positions = columns.positions(table.header());
        assertEquals(Map.of("name", "李强", "birthDate", "2016-05-01", "phone", "13912345678"),
                Columns.values(table.rows().get(0), positions));
    }

    @Test
    void aHeaderWithoutARequiredColumnNamesIt() {
        Columns columns = Columns.of(Columns.required("name", "姓名"), Columns.required("phone", "手机号"));
        assertEquals(Map.of("name", 0, "phone", 1), columns.positions(List.of("ＮＡＭＥ", " 手机号 ")));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> columns.positions(List.of("姓名", "mobile")));
        assertEquals(List.of("header[1]", "header"),
                refused.violations().stream().map(v -> v.field()).toList());
        assertEquals(400, refused.status());
    }

    @Test
    void tooManyRowsAndOldXlsAreRefused() {
        assertThrows(ProblemException.class, () -> TableReader.read("a\n1\n2\n3\n".getBytes(), 2));
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};
        assertThrows(ProblemException.class, () -> TableReader.read(xls, 2));
    }
}
