package org.linkage.activity.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.HazardFixtures.JPEG;
import static org.linkage.activity.HazardFixtures.PNG;
import static org.linkage.activity.HazardFixtures.bytes;
import static org.linkage.activity.HazardFixtures.gpsExif;
import static org.linkage.activity.HazardFixtures.jpeg;
import static org.linkage.activity.HazardFixtures.pngChunk;
import static org.linkage.activity.HazardFixtures.segment;

/** Guards issue #16, "EXIF location is stripped from stored hazard photos". */
class PhotoMetadataTest {

    private static final byte[] ICC = segment(0xE2, ascii("ICC_PROFILE\0\1\1colour data"));
    private static final byte[] XMP = segment(0xE1,
            ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta exif:GPSLatitude=\"31,13.8N\"/>"));
    private static final byte[] COMMENT = segment(0xFE, ascii("taken at 12 Home Street"));
    private static final byte[] MAKER = segment(0xED, ascii("Photoshop 3.0\0IPTC city"));

    @Test
    void aJpegLosesExifXmpCommentsAndOtherAppSegmentsButKeepsJfifIccAndThePixels() {
        byte[] withGps = jpeg(gpsExif(), XMP, ICC, COMMENT, MAKER);
        assertTrue(contains(withGps, ascii("Exif\0\0")), "the fixture carries EXIF");

        byte[] stripped = PhotoMetadata.strip(ImageType.JPEG, withGps);

        assertArrayEquals(jpeg(ICC), stripped);
        assertFalse(contains(stripped, ascii("Exif")));
        assertFalse(contains(stripped, ascii("GPSLatitude")));
        assertFalse(contains(stripped, ascii("Home Street")));
    }

    @Test
    void aCleanJpegIsUnchangedAndDataAfterItsEndIsDropped() {
        assertArrayEquals(JPEG, PhotoMetadata.strip(ImageType.JPEG, JPEG));
        byte[] trailer = concat(JPEG, ascii("trailing GPS 31.2304,121.4737"));
        assertArrayEquals(JPEG, PhotoMetadata.strip(ImageType.JPEG, trailer));
    }

    @Test
    void aJpegScanKeepsItsStuffedBytesAndRestartMarkers() {
        byte[] scanWithMarkers = bytes(1, 0xFF, 0x00, 2, 0xFF, 0xD0, 3);
        byte[] image = concat(Arrays.copyOf(JPEG, JPEG.length - 2), scanWithMarkers, bytes(0xFF, 0xD9));
        assertArrayEquals(image, PhotoMetadata.strip(ImageType.JPEG, image));
    }

    @Test
    void aPngLosesItsExifAndTextChunks() {
        int iend = PNG.length - 12;
        byte[] withText = concat(Arrays.copyOf(PNG, iend), pngChunk("eXIf", ascii("MM\0*GPS")),
                pngChunk("tEXt", ascii("Location\0" + "31.2304 N")), pngChunk("iTXt", ascii("XML:com.adobe.xmp\0")),
                pngChunk("zTXt", ascii("Comment\0\0x")), Arrays.copyOfRange(PNG, iend, PNG.length));

        assertArrayEquals(PNG, PhotoMetadata.strip(ImageType.PNG, withText));
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlags() {
        byte[] vp8x = webpChunk("VP8X", bytes(0x08 | 0x04 | 0x20, 0, 0, 0, 15, 0, 0, 15, 0, 0));
        byte[] image = webpChunk("VP8 ", new byte[]{1, 2, 3, 4, 5});
        byte[] withExif = webp(vp8x, image, webpChunk("EXIF", ascii("MM\0*GPS")), webpChunk("XMP ", ascii("<x/>")));

        byte[] stripped = PhotoMetadata.strip(ImageType.WEBP, withExif);

        byte[] cleanVp8x = webpChunk("VP8X", bytes(0x20, 0, 0, 0, 15, 0, 0, 15, 0, 0));
        assertArrayEquals(webp(cleanVp8x, image), stripped);
        assertEquals(stripped.length - 8, (stripped[4] & 0xFF) | (stripped[5] & 0xFF) << 8);
    }

    @Test
    void aMalformedImageIsRefusedRatherThanStoredWithWhatItMayHide() {
        byte[] truncated = Arrays.copyOf(jpeg(gpsExif()), 30);
        assertThrows(IllegalArgumentException.class, () -> PhotoMetadata.strip(ImageType.JPEG, truncated));
        byte[] noIend = Arrays.copyOf(PNG, PNG.length - 12);
        assertThrows(IllegalArgumentException.class, () -> PhotoMetadata.strip(ImageType.PNG, noIend));
        byte[] padding = concat(bytes(0xFF, 0xD8, 0xFF, 0xE0), new byte[64]);
        assertThrows(IllegalArgumentException.class, () -> PhotoMetadata.strip(ImageType.JPEG, padding));
    }

    private static byte[] webp(byte[]... chunks) {
        byte[] body = concat(chunks);
        int size = body.length + 4;
        return concat(ascii("RIFF"), bytes(size, size >>> 8, size >>> 16, size >>> 24), ascii("WEBP"), body);
    }

    private static byte[] webpChunk(String fourcc, byte[] data) {
        byte[] padded = Arrays.copyOf(data, data.length + (data.length & 1));
        return concat(ascii(fourcc), bytes(data.length, data.length >>> 8, data.length >>> 16, data.length >>> 24),
                padded);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
