package org.linkage.chassis.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an export row by row in constant memory: CSV straight to the stream, .xlsx through POI's SXSSF (only a
 * window of rows in memory, the rest in a compressed temporary file). Text that a spreadsheet would run as a
 * formula is neutralised; numbers stay numbers.
 */
public abstract class SheetWriter implements AutoCloseable {

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int XLSX_WINDOW = 200;

    public static SheetWriter open(SheetFormat format, OutputStream out, List<String> header) {
        SheetWriter writer = format == SheetFormat.XLSX ? new Xlsx(out) : new Csv(out);
        writer.row(header.toArray());
        return writer;
    }

    /** One row; a Number is written as a number, null as an empty cell, anything else as neutralised text. */
    public abstract void row(Object... cells);

    @Override
    public abstract void close();

    private static final class Csv extends SheetWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                text.write('\uFEFF');
                printer = new CSVPrinter(text, CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Object... cells) {
            try {
                for (Object cell : cells) {
                    printer.print(cell == null ? "" : cell instanceof Number ? cell : Formulas.neutralised(cell.toString()));
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends SheetWriter {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
        private final SXSSFSheet sheet;
        private int rows;

        Xlsx(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet();
        }

        @Override
        public void row(Object... cells) {
            Row row = sheet.createRow(rows++);
            for (int i = 0; i < cells.length; i++) {
                Object value = cells[i];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(Formulas.neutralised(value.toString()));
                }
            }
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
