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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an export row by row in constant memory: CSV straight to the stream, .xlsx through POI's SXSSF (only a
 * window of rows in memory, the rest in a compressed temporary file). Text that a spreadsheet would run as a
 * formula is neutralised; numbers stay numbers.
 */
public abstract class SheetWriter implements AutoCloseable {

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int XLSX_WINDOW = 200;

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ZoneId zone = ZoneOffset.UTC;

    /** @param zone times (Instant, OffsetDateTime, Timestamp) are written as local times of this zone */
    public static SheetWriter open(SheetFormat format, OutputStream out, List<String> header, ZoneId zone) {
        SheetWriter writer = format == SheetFormat.XLSX ? new Xlsx(out) : new Csv(out);
        writer.zone = zone;
        writer.row(header.toArray());
        return writer;
    }

    /** A cell as text: times local to the zone, arrays joined with ';' (as imports split them). */
    String text(Object value) {
        Object plain = value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime time ? time.toInstant() : value;
        if (plain instanceof Instant instant) {
            return LOCAL_TIME.format(instant.atZone(zone));
        }
        if (plain instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(";"));
        }
        return Formulas.neutralised(plain.toString());
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
                    printer.print(cell == null ? "" : cell instanceof Number ? cell : text(cell));
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
                    cell.setCellValue(text(value));
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
