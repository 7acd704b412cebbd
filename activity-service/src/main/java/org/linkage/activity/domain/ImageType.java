package org.linkage.activity.domain;

import java.util.Arrays;
import java.util.Optional;

/** The image formats a photo may have, recognised by their first bytes whatever the client claims. */
public enum ImageType {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

    /** Enough of the file to tell the formats apart. */
    public static final int HEADER_LENGTH = 12;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    public static Optional<ImageType> of(byte[] header) {
        if (header.length >= 3 && (header[0] & 0xFF) == 0xFF && (header[1] & 0xFF) == 0xD8
                && (header[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (header.length >= PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(header, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (header.length >= HEADER_LENGTH && startsWith(header, 0, "RIFF") && startsWith(header, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
