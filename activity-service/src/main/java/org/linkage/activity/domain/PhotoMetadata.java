package org.linkage.activity.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes what a photo says beyond its pixels: EXIF (with the GPS position where it was taken, the phone's make and
 * serial), XMP, comments and text chunks. The report records its own position; the photo must not tell where the
 * reporter lives or stood. Byte-level, without decoding: the pixels are copied as they are. Kept: what display
 * needs (JPEG's JFIF header, the ICC colour profile and Adobe's colour transform; PNG's and WebP's image chunks).
 */
public final class PhotoMetadata {

    /** PNG chunks of text, time and EXIF. */
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");
    private static final int WEBP_FLAG_EXIF = 0x08;
    private static final int WEBP_FLAG_XMP = 0x04;

    /**
     * The photo without its metadata.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed image of that type
     */
    public static byte[] strip(ImageType type, byte[] photo) {
        return switch (type) {
            case JPEG -> jpeg(photo);
            case PNG -> png(photo);
            case WEBP -> webp(photo);
        };
    }

    private static byte[] jpeg(byte[] in) {
        require(in.length >= 4 && u8(in, 0) == 0xFF && u8(in, 1) == 0xD8, "no JPEG start");
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2);
        int pos = 2;
        while (true) {
            require(pos + 1 < in.length && u8(in, pos) == 0xFF, "a JPEG segment was expected");
            while (pos + 1 < in.length && u8(in, pos + 1) == 0xFF) {
                pos++; // fill bytes before a marker
            }
            require(pos + 1 < in.length, "the JPEG ends inside a marker");
            int marker = u8(in, pos + 1);
            if (marker == 0xD9) {
                out.write(in, pos, 2);
                return out.toByteArray(); // anything after the end (phones append metadata there) is dropped
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(in, pos, 2);
                pos += 2;
                continue;
            }
            require(pos + 3 < in.length, "the JPEG ends inside a segment header");
            int length = u16(in, pos + 2);
            int end = pos + 2 + length;
            require(length >= 2 && end <= in.length, "a JPEG segment runs past the end");
            if (keepJpegSegment(marker, in, pos + 4, end)) {
                out.write(in, pos, end - pos);
            }
            pos = end;
            if (marker == 0xDA) {
                // The entropy-coded scan: copied up to the next marker (0xFF 0x00 is a stuffed byte, RSTn in-scan).
                int scanEnd = pos;
                while (scanEnd + 1 < in.length
                        && !(u8(in, scanEnd) == 0xFF && isMarkerAfterScan(u8(in, scanEnd + 1)))) {
                    scanEnd++;
                }
                require(scanEnd + 1 < in.length, "the JPEG scan has no end");
                out.write(in, pos, scanEnd - pos);
                pos = scanEnd;
            }
        }
    }

    private static boolean isMarkerAfterScan(int next) {
        return next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7);
    }

    private static boolean keepJpegSegment(int marker, byte[] in, int dataStart, int end) {
        if (marker == 0xFE) {
            return false; // a comment
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true; // tables, frame and scan headers: the image itself
        }
        return switch (marker) {
            case 0xE0 -> startsWith(in, dataStart, end, "JFIF\0") || startsWith(in, dataStart, end, "JFXX\0");
            case 0xE2 -> startsWith(in, dataStart, end, "ICC_PROFILE\0");
            case 0xEE -> startsWith(in, dataStart, end, "Adobe");
            default -> false; // APP1 (EXIF, XMP) and every other application segment
        };
    }

    private static byte[] png(byte[] in) {
        require(in.length >= 8 && ImageType.of(in).filter(type -> type == ImageType.PNG).isPresent(), "no PNG");
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int pos = 8;
        while (true) {
            require(pos + 8 <= in.length, "the PNG ends without IEND");
            long length = u32(in, pos);
            String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
            long end = pos + 12 + length;
            require(end <= in.length, "a PNG chunk runs past the end");
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, pos, (int) (end - pos));
            }
            pos = (int) end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    private static byte[] webp(byte[] in) {
        require(in.length >= 12 && ImageType.of(in).filter(type -> type == ImageType.WEBP).isPresent(), "no WebP");
        long riffEnd = Math.min(in.length, 8 + u32le(in, 4));
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        int pos = 12;
        while (pos < riffEnd) {
            require(pos + 8 <= riffEnd, "a WebP chunk header runs past the end");
            String fourcc = new String(in, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(in, pos + 4);
            long end = pos + 8 + size + (size & 1);
            require(end <= in.length, "a WebP chunk runs past the end");
            if (!WEBP_DROPPED.contains(fourcc)) {
                byte[] chunk = Arrays.copyOfRange(in, pos, (int) end);
                if (fourcc.equals("VP8X") && size >= 1) {
                    chunk[8] &= (byte) ~(WEBP_FLAG_EXIF | WEBP_FLAG_XMP); // the header no longer announces them
                }
                out.write(chunk, 0, chunk.length);
            }
            pos = (int) end;
        }
        byte[] result = out.toByteArray();
        int riffSize = result.length - 8;
        result[4] = (byte) riffSize;
        result[5] = (byte) (riffSize >>> 8);
        result[6] = (byte) (riffSize >>> 16);
        result[7] = (byte) (riffSize >>> 24);
        return result;
    }

    private static boolean startsWith(byte[] in, int from, int end, String ascii) {
        if (end - from < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (in[from + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int u8(byte[] in, int at) {
        return in[at] & 0xFF;
    }

    private static int u16(byte[] in, int at) {
        return (u8(in, at) << 8) | u8(in, at + 1);
    }

    private static long u32(byte[] in, int at) {
        return ((long) u16(in, at) << 16) | u16(in, at + 2);
    }

    private static long u32le(byte[] in, int at) {
        return u8(in, at) | (u8(in, at + 1) << 8) | (u8(in, at + 2) << 16) | ((long) u8(in, at + 3) << 24);
    }

    private PhotoMetadata() {
    }
}
