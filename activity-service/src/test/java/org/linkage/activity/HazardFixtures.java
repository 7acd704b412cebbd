package org.linkage.activity;

import io.restassured.response.Response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Uploads for the hazard report tests: images with a real structure (the service walks it to strip metadata) and
 * without metadata, so that what is stored is what was sent; and bare signatures padded to the size wanted.
 */
public final class HazardFixtures {

    public static final byte[] JPEG = jpeg();
    public static final byte[] PNG = png();

    /** SOI, the JFIF header, a frame header, a scan of filler bytes, EOI. */
    public static byte[] jpeg(byte[]... extraSegments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0xFF, 0xD8));
        out.writeBytes(bytes(0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0));
        for (byte[] segment : extraSegments) {
            out.writeBytes(segment);
        }
        out.writeBytes(bytes(0xFF, 0xC0, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0));
        out.writeBytes(bytes(0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0));
        byte[] scan = new byte[2000];
        Arrays.fill(scan, (byte) 7);
        out.writeBytes(scan);
        out.writeBytes(bytes(0xFF, 0xD9));
        return out.toByteArray();
    }

    /** The signature, IHDR, one IDAT of filler, IEND (CRCs are not checked by the service). */
    public static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'));
        out.writeBytes(pngChunk("IHDR", bytes(0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0)));
        byte[] data = new byte[2000];
        Arrays.fill(data, (byte) 7);
        out.writeBytes(pngChunk("IDAT", data));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    public static byte[] pngChunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(data.length >>> 24, data.length >>> 16, data.length >>> 8, data.length));
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(bytes(0, 0, 0, 0));
        return out.toByteArray();
    }

    /** A JPEG segment: marker, length, data. */
    public static byte[] segment(int marker, byte[] data) {
        int length = data.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0xFF, marker, length >>> 8, length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** An APP1 EXIF segment whose GPS IFD says 31°13'49" N, as a phone writes where a photo was taken. */
    public static byte[] gpsExif() {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(bytes('M', 'M', 0, 0x2A, 0, 0, 0, 8));
        // IFD0: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD at offset 26; no next IFD.
        tiff.writeBytes(bytes(0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0));
        // GPS IFD: GPSLatitudeRef "N", GPSLatitude as three rationals at offset 56; no next IFD.
        tiff.writeBytes(bytes(0, 2, 0, 1, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0,
                0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56, 0, 0, 0, 0));
        tiff.writeBytes(bytes(0, 0, 0, 31, 0, 0, 0, 1, 0, 0, 0, 13, 0, 0, 0, 1, 0, 0, 0x13, 0x24, 0, 0, 0, 100));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(bytes('E', 'x', 'i', 'f', 0, 0));
        data.writeBytes(tiff.toByteArray());
        return segment(0xE1, data.toByteArray());
    }

    public static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    public static byte[] image(byte[] signature, int size) {
        byte[] bytes = Arrays.copyOf(signature, size);
        Arrays.fill(bytes, signature.length, size, (byte) 7);
        return bytes;
    }

    /** Sends the photo under a client file name and type that the service must not trust. */
    public static Response report(byte[] photo, String declaredType, double latitude, double longitude,
                                  String community) {
        return given().multiPart("photo", "../../etc/passwd.jpg", photo, declaredType)
                .multiPart("category", "missing-manhole-cover")
                .multiPart("latitude", String.valueOf(latitude))
                .multiPart("longitude", String.valueOf(longitude))
                .multiPart("reportedBy", UUID.randomUUID().toString())
                .multiPart("description", "Cover missing next to the bus stop")
                .multiPart("community", community)
                .post("/api/v1/hazard-reports");
    }

    private HazardFixtures() {
    }
}
