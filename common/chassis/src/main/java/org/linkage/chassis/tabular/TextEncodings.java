package org.linkage.chassis.tabular;

import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text files as Excel in China saves them: "CSV UTF-8" (with a byte order mark), plain UTF-8, or "CSV" in the
 * system code page GBK, read as GB18030 (its superset). A byte order mark means UTF-8; bytes that are valid UTF-8
 * are UTF-8 (GBK text of any length is almost never valid UTF-8); anything else must be valid GB18030.
 */
public final class TextEncodings {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** @throws ProblemException 400 on "body" naming the problem, for UTF-16/32 or bytes no supported code reads */
    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(StandardCharsets.UTF_8, bytes, 3);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw unsupported("is UTF-16 or UTF-32 (Unicode text)");
        }
        // UTF-16 without a byte order mark reads as UTF-8 full of NULs, which the cells' control character rule
        // refuses.
        try {
            return decodeStrictly(StandardCharsets.UTF_8, bytes, 0);
        } catch (CharacterCodingException notUtf8) {
            return strict(GB18030, bytes, 0);
        }
    }

    private static String strict(Charset charset, byte[] bytes, int offset) {
        try {
            return decodeStrictly(charset, bytes, offset);
        } catch (CharacterCodingException e) {
            throw unsupported("is neither UTF-8 nor GB18030/GBK text");
        }
    }

    private static String decodeStrictly(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException unsupported(String what) {
        return new ProblemException(400, "unsupported-encoding", "Unsupported encoding",
                "The file " + what + "; save it as CSV UTF-8, CSV (GBK/GB18030) or .xlsx",
                List.of(new Violation("body",
                        what + "; supported: UTF-8 (with or without BOM), GB18030/GBK, .xlsx")));
    }

    private TextEncodings() {
    }
}
