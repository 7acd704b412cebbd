package org.linkage.volunteer.mapping;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.linkage.volunteer.api.HoursCertificateResponse;
import org.linkage.volunteer.api.HoursEntryResponse;
import org.linkage.volunteer.api.HoursSummaryResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Prints a service-hours certificate. Every text is set in the WenQuanYi Micro Hei subset the service carries
 * (src/main/fonts/subset-certificate-font.sh: ASCII, all of GB2312 and these fixed texts), which OpenPDF embeds
 * as a subset of the glyphs the page uses, so the certificate looks the same in every reader. A character the font
 * lacks (a rare name character) falls back to Adobe's STSong-Light, which conforming readers supply. A QR code
 * links to the certificate's public verification.
 */
public final class CertificatePdf {

    static final String FONT = "fonts/wqy-microhei-certificate.ttf";
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final float QR_SIZE = 96;

    public static byte[] render(HoursCertificateResponse certificate, ZoneId zone) {
        Fonts title = new Fonts(18, Font.BOLD);
        Fonts body = new Fonts(11, Font.NORMAL);
        Fonts small = new Fonts(9, Font.NORMAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
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
        document.add(paragraph("星级 Star level: " + stars(certificate.starLevel()) + " "
                + certificate.starLevel() + " 星 / " + certificate.starLevel() + " of 5 stars", body));
        Paragraph issuer = paragraph("出具单位 Issued by: " + certificate.issuingOrganisation() + ", "
                + ISSUED.format(certificate.issuedAt().atZone(zone)), body);
        issuer.setSpacingAfter(12);
        document.add(issuer);

        PdfPTable years = table(new float[] {1, 1}, small, "年度 Year", "服务时长 Hours");
        years.setWidthPercentage(50);
        years.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (HoursSummaryResponse.YearHours year : certificate.hoursByYear()) {
            cells(years, small, String.valueOf(year.year()), year.hours().toPlainString());
        }
        years.setSpacingAfter(12);
        document.add(years);

        PdfPTable entries = table(new float[] {2.2f, 1.8f, 1.2f, 2.5f}, small,
                "服务日期 Date", "来源 Source", "时长 Hours", "确认人 Confirmed by");
        for (HoursEntryResponse entry : certificate.entries()) {
            cells(entries, small, entry.serviceDate().toString(), entry.source().name(),
                    entry.hours().toPlainString(), entry.confirmedBy());
        }
        document.add(entries);
        Paragraph rules = paragraph("本证明依据志愿服务记录出具，免费提供。"
                + " Issued free of charge from the recorded service.", small);
        rules.setSpacingBefore(12);
        rules.setSpacingAfter(12);
        document.add(rules);
        document.add(verification(writer, certificate.verificationUrl(), small));
        document.close();
        return out.toByteArray();
    }

    /** The QR code beside the address it encodes, and what the verification shows. */
    private static PdfPTable verification(PdfWriter writer, String url, Fonts fonts) {
        PdfPTable table = new PdfPTable(new float[] {QR_SIZE + 8, 400});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        PdfPCell code = new PdfPCell(qrCode(writer, url));
        code.setBorder(Rectangle.NO_BORDER);
        table.addCell(code);
        PdfPCell text = new PdfPCell(paragraph("扫码验证：确认本证明由出具单位签发、内容未经改动；验证页不显示其他个人信息。\n"
                + "Scan to verify that the issuing organisation issued this certificate and that it is unaltered; "
                + "the verification shows no other personal data.\n" + url, fonts));
        text.setBorder(Rectangle.NO_BORDER);
        text.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(text);
        return table;
    }

    /** The QR code drawn as vector squares, so that it stays sharp at any print size. */
    private static Image qrCode(PdfWriter writer, String url) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("the verification address does not fit a QR code: " + url, e);
        }
        float module = QR_SIZE / matrix.getWidth();
        PdfTemplate template = writer.getDirectContent().createTemplate(QR_SIZE, QR_SIZE);
        template.setColorFill(java.awt.Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    template.rectangle(x * module, QR_SIZE - (y + 1) * module, module, module);
                }
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (Exception e) {
            throw new IllegalStateException("the QR code cannot be placed", e);
        }
    }

    private static String stars(int level) {
        return "★".repeat(level) + "☆".repeat(5 - level);
    }

    private static PdfPTable table(float[] widths, Fonts fonts, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        cells(table, fonts, headers);
        return table;
    }

    private static void cells(PdfPTable table, Fonts fonts, String... texts) {
        for (String text : texts) {
            table.addCell(new PdfPCell(paragraph(text, fonts)));
        }
    }

    /** The embedded font first, STSong-Light for what it cannot show. */
    private static final class Fonts {
        final FontSelector selector = new FontSelector();
        final Font embedded;

        Fonts(float size, int style) {
            embedded = new Font(EMBEDDED, size, style);
            selector.addFont(embedded);
            selector.addFont(new Font(FALLBACK, size, style));
        }
    }

    private static final BaseFont EMBEDDED = embeddedFont();
    private static final BaseFont FALLBACK = fallbackFont();

    /** The paragraph's own font is the embedded one too: OpenPDF sets spacing as text in it. */
    private static Paragraph paragraph(String text, Fonts fonts) {
        Phrase phrase = fonts.selector.process(text);
        phrase.setFont(fonts.embedded);
        return new Paragraph(phrase);
    }

    /** Identity-H with embedding: OpenPDF then writes only the glyphs used, under a subset name (ABCDEF+...). */
    private static BaseFont embeddedFont() {
        try (InputStream font = CertificatePdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("the certificate font " + FONT + " is not on the class path");
            }
            return BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font.readAllBytes(), null);
        } catch (IOException e) {
            throw new IllegalStateException("the certificate font " + FONT + " cannot be read", e);
        }
    }

    private static BaseFont fallbackFont() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("OpenPDF's bundled STSong-Light font is missing", e);
        }
    }

    private CertificatePdf() {
    }
}
