package org.linkage.chassis.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string or key that a strict reader refused (such as one holding a control character): its message is what
 * the problem tells about the field its path names.
 */
public final class RefusedJsonValue extends InvalidFormatException {

    public RefusedJsonValue(JsonParser parser, String message, String value) {
        super(parser, message, value, String.class);
    }
}
