package org.linkage.chassis.tabular;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SheetWriterTest {

    @Test
    void csvStartsWithABomAndNeutralisesFormulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(SheetFormat.CSV, out, List.of("姓名", "备注", "时长"),
                ZoneOffset.UTC)) {
            writer.row("王芳", "=HYPERLINK(\"http://x\")", 2.5);
            writer.row("+86", "@SUM(A1)", -1);
            writer.row("\tcmd", null, null);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("\uFEFF姓名,备注,时长\r\n王芳,\"'=HYPERLINK(\"\"http://x\"\")\",2.5\r\n'+86,'@SUM(A1),-1\r\n"
                + "'\tcmd,,\r\n", text);
    }

    @Test
    void xlsxCellsAreTextOrNumbersAndNeverFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(SheetFormat.XLSX, out, List.of("a", "b", "c", "d"),
                ZoneId.of("Asia/Shanghai"))) {
            writer.row("-2+3", 4, Instant.parse("2026-12-01T00:30:00Z"), new String[]{"a", "b"});
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = workbook.getSheetAt(0).getRow(1);
            assertEquals("'-2+3", row.getCell(0).getStringCellValue());
            assertEquals(4d, row.getCell(1).getNumericCellValue());
            assertEquals("2026-12-01 08:30:00", row.getCell(2).getStringCellValue());
            assertEquals("a;b", row.getCell(3).getStringCellValue());
        }
        assertEquals(1, TableReader.read(out.toByteArray(), 5).rows().size());
    }

    /**
     * Not a timed assertion: prints the heap used while 100,000 rows are written, to show it stays flat (the figure
     * in docs/chassis.md). The bound only catches a writer that keeps every row (~100 MB and more).
     */
    @Test
    void aHundredThousandRowExportKeepsTheHeapFlat() {
        for (SheetFormat format : SheetFormat.values()) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long[] peak = {0};
            long[] bytes = {0};
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes[0] += len;
                }
            };
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            try (SheetWriter writer = SheetWriter.open(format, sink, List.of("id", "姓名", "手机号", "社区", "时长"),
                    ZoneOffset.UTC)) {
                for (int i = 0; i < 100_000; i++) {
                    writer.row("v-" + i, "志愿者" + i, Masks.phone("138" + (10_000_000 + i)), "新华路社区", i % 7 + 0.5);
                    if (i % 10_000 == 0) {
                        System.gc();
                        peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed() - before);
                    }
                }
            }
            System.out.printf("100k-row %s export: %d kB written, heap growth sampled every 10k rows peaked at "
                    + "%d kB%n", format, bytes[0] / 1024, peak[0] / 1024);
            assertTrue(peak[0] < 64L * 1024 * 1024, "heap grew by " + peak[0] + " bytes");
        }
    }
}
