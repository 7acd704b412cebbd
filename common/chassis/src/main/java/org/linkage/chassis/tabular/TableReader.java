package org.linkage.chassis.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.linkage.chassis.problem.ControlCharacters;
import org.linkage.chassis.problem.ProblemException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded sheet: .xlsx (first sheet, through POI's SAX reader, so a large sheet is never a DOM) or CSV
 * (RFC 4180 through Commons CSV) in any encoding {@link TextEncodings} reads. Cells hold what Excel shows, except
 * dates, which come as ISO dates (2016-05-01). Every cell passes the chassis' control character rule.
 */
public final class TableReader {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /**
     * @throws ProblemException 400 naming the problem: no header row, an unsupported encoding or file kind,
     *                          malformed CSV or xlsx, more than mostRows data rows, or a control character
     */
    public static Table read(byte[] body, int mostRows) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "must be a CSV or .xlsx file with a header row");
        }
        List<List<String>> records;
        if (TextEncodings.startsWith(body, 'P', 'K', 3, 4)) {
            records = xlsx(body, mostRows);
        } else if (TextEncodings.startsWith(body, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw ProblemException.invalid("body", "is an Excel 97-2003 .xls file; save it as .xlsx or CSV");
        } else {
            records = csv(TextEncodings.decode(body));
        }
        while (!records.isEmpty() && blank(records.get(records.size() - 1))) {
            records.remove(records.size() - 1);
        }
        if (records.isEmpty() || blank(records.get(0))) {
            throw ProblemException.invalid("body", "must start with a header row");
        }
        if (records.size() > mostRows + 1) {
            throw ProblemException.invalid("body", "has more than " + mostRows + " rows; split the file");
        }
        List<Table.Row> rows = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            List<String> cells = records.get(index);
            for (int column = 0; column < cells.size(); column++) {
                ControlCharacters.require("rows[" + (index + 1) + "][" + (column + 1) + "]", cells.get(column));
            }
            if (index > 0 && !blank(cells)) {
                rows.add(new Table.Row(index + 1, cells));
            }
        }
        return new Table(records.get(0).stream().map(String::strip).toList(), rows);
    }

    /** The records of CSV text, a leading byte order mark ignored; blank lines kept so row numbers stay true. */
    public static List<List<String>> csv(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(csv, CSV)) {
            return new ArrayList<>(parser.stream().map(CSVRecord::toList).toList());
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.invalid("body", "is not valid CSV: " + e.getMessage());
        }
    }

    private static List<List<String>> xlsx(byte[] body, int mostRows) {
        List<List<String>> records = new ArrayList<>();
        try (OPCPackage sheetFile = OPCPackage.open(new ByteArrayInputStream(body))) {
            XSSFReader reader = new XSSFReader(sheetFile);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ProblemException.invalid("body", "is a workbook without a sheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(sheetFile), new Collector(records, mostRows), new IsoDates(),
                    false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (TooManyRows e) {
            throw ProblemException.invalid("body", "has more than " + mostRows + " rows; split the file");
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.invalid("body", "is not a readable .xlsx workbook");
        }
        return records;
    }

    /** Rows as lists of cells; Excel leaves out empty rows and cells, so both are filled in by position. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> records;
        private final int mostRows;
        private List<String> current;

        Collector(List<List<String>> records, int mostRows) {
            this.records = records;
            this.mostRows = mostRows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > mostRows + 1) {
                throw new TooManyRows();
            }
            while (records.size() < rowNum) {
                records.add(new ArrayList<>());
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            records.add(current);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }
    }

    /** Shows date cells as ISO dates whatever their display format (Chinese and US formats differ). */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).atOffset(ZoneOffset.UTC)
                        .format(value % 1 == 0 ? DateTimeFormatter.ISO_LOCAL_DATE
                                : DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private TableReader() {
    }
}
