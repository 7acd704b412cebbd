package org.linkage.volunteer.mapping;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.linkage.volunteer.api.HoursCertificateResponse;
import org.linkage.volunteer.api.HoursEntryResponse;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints a service-hours certificate. Latin text is set in Helvetica, Chinese in Adobe's STSong-Light with the
 * UniGB-UCS2-H CMap that OpenPDF bundles, so Chinese names print; neither font is embedded, as every conforming
 * reader supplies them. Numbers and dates stay in Helvetica, so they can be searched and copied.
 */
public final class CertificatePdf {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static byte[] render(HoursCertificateResponse certificate, ZoneId zone) {
        Fonts title = new Fonts(18, Font.BOLD);
        Fonts body = new Fonts(11, Font.NORMAL);
        Fonts small = new Fonts(9, Font.NORMAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("志愿服务时长证明 Service-hours certificate " + certificate.number());
        document.addSubject(certificate.number());
        document.addCreator(certificate.issuingOrganisation());
        document.open();

        Paragraph heading = paragraph("志愿服务时长证明\nService-hours certificate", title);
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(18);
        document.add(heading);
        document.add(paragraph("证明编号 Certificate number: " + certificate.number(), body));
        document.add(paragraph("志愿者 Volunteer: " + certificate.volunteerName(), body));
        document.add(paragraph("服务期间 Period: " + certificate.periodFrom() + " – " + certificate.periodTo(), body));
        document.add(paragraph("服务时长合计 Total hours: " + certificate.totalHours().toPlainString(), body));
        Paragraph issuer = paragraph("出具单位 Issued by: " + certificate.issuingOrganisation() + ", "
                + ISSUED.format(certificate.issuedAt().atZone(zone)), body);
        issuer.setSpacingAfter(12);
        document.add(issuer);

        PdfPTable table = new PdfPTable(new float[] {2.2f, 1.8f, 1.2f, 2.5f});
        table.setWidthPercentage(100);
        for (String header : new String[] {"服务日期 Date", "来源 Source", "时长 Hours", "确认人 Confirmed by"}) {
            table.addCell(new PdfPCell(paragraph(header, small)));
        }
        for (HoursEntryResponse entry : certificate.entries()) {
            table.addCell(new PdfPCell(paragraph(entry.serviceDate().toString(), small)));
            table.addCell(new PdfPCell(paragraph(entry.source().name(), small)));
            table.addCell(new PdfPCell(paragraph(entry.hours().toPlainString(), small)));
            table.addCell(new PdfPCell(paragraph(entry.confirmedBy(), small)));
        }
        document.add(table);
        Paragraph rules = paragraph("本证明依据志愿服务记录出具，免费提供。"
                + " Issued free of charge from the recorded service.", small);
        rules.setSpacingBefore(12);
        document.add(rules);
        document.close();
        return out.toByteArray();
    }

    /** Helvetica first, STSong-Light for what Helvetica cannot show. */
    private static final class Fonts {
        final FontSelector selector = new FontSelector();

        Fonts(float size, int style) {
            selector.addFont(new Font(Font.HELVETICA, size, style));
            selector.addFont(new Font(CHINESE, size, style));
        }
    }

    private static final BaseFont CHINESE = chineseFont();

    private static Paragraph paragraph(String text, Fonts fonts) {
        return new Paragraph(fonts.selector.process(text));
    }

    private static BaseFont chineseFont() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("OpenPDF's bundled STSong-Light font is missing", e);
        }
    }

    private CertificatePdf() {
    }
}
