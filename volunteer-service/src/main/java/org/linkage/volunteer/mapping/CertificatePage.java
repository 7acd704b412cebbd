package org.linkage.volunteer.mapping;

import org.linkage.volunteer.api.CertificateVerificationResponse;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The verification as a page for a person who scanned the QR code with a phone: in Chinese, and telling no more
 * than the JSON answer (number, status, issue date and organisation, masked name, fingerprint).
 */
public final class CertificatePage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public static String html(CertificateVerificationResponse verification) {
        boolean valid = verification.status() == CertificateVerificationResponse.Status.VALID;
        StringBuilder page = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>志愿服务时长证明核验</title>\n")
                .append("</head>\n<body>\n<h1>志愿服务时长证明核验</h1>\n")
                .append(valid ? "<p class=\"status valid\">✔ 该证明真实有效：由以下机构出具，未被撤销。</p>\n"
                        : "<p class=\"status revoked\">✘ 该证明已被撤销，不再有效。</p>\n")
                .append("<dl>\n");
        row(page, "证明编号", verification.number());
        row(page, "状态", valid ? "有效" : "已撤销");
        row(page, "出具日期", DATE.format(verification.issuedAt()));
        row(page, "出具机构", verification.issuingOrganisation());
        if (verification.holder() != null) {
            row(page, "持有人", verification.holder());
        }
        if (verification.pdfSha256() != null) {
            row(page, "PDF 指纹（SHA-256）", verification.pdfSha256());
        }
        return page.append("</dl>\n<p>如需确认手中的 PDF 文件未被改动，请将其 SHA-256 指纹与上方比对。</p>\n")
                .append("</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder page, String term, String value) {
        page.append("<dt>").append(term).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    /** The organisation's name and the masked holder come from data: never read as markup. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private CertificatePage() {
    }
}
