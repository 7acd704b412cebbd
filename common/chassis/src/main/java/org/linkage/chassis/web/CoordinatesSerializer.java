package org.linkage.chassis.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Writes a position in the system the request asked for ({@link OutputCoordinateSystem}), naming it. */
public class CoordinatesSerializer extends StdSerializer<Coordinates> {

    public CoordinatesSerializer() {
        super(Coordinates.class);
    }

    @Override
    public void serialize(Coordinates value, JsonGenerator json, SerializerProvider provider) throws IOException {
        Coordinates out = value.latitude() == null || value.longitude() == null
                ? value : value.in(OutputCoordinateSystem.current());
        json.writeStartObject();
        json.writeObjectField("latitude", out.latitude());
        json.writeObjectField("longitude", out.longitude());
        json.writeStringField("system", out.systemOrDefault().name());
        json.writeEndObject();
    }
}
