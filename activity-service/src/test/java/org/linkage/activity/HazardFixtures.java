package org.linkage.activity;

import io.restassured.response.Response;

import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Uploads for the hazard report tests: real image signatures, padded to the size wanted. */
public final class HazardFixtures {

    public static final byte[] JPEG = image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2048);
    public static final byte[] PNG = image(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 2048);

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
