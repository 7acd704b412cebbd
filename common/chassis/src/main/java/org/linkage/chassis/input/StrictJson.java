package org.linkage.chassis.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.linkage.chassis.problem.ControlCharacters;
import org.linkage.chassis.problem.RefusedJsonValue;

import java.io.IOException;
import java.time.temporal.Temporal;

/**
 * Request bodies are read as their schema says, never coerced: no number or boolean where a string is expected,
 * no string, float or boolean where an integer is, no "yes" for a boolean, no number for a date or an enum, no
 * nothing after the document; no forbidden character (see {@link ControlCharacters})
 * in any string or map key; no infinite number. Unknown fields are ignored ({@code
 * quarkus.jackson.fail-on-unknown-properties=false} in the chassis configuration): older servers meet newer apps.
 * Events have their own mapper ({@code EventJson}) and are not affected.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // ObjectMapper.configure(MapperFeature): the mapper is built by Quarkus
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A primitive left out means its default (an optional flag, false); an explicit null is read the same way.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Dates: no epoch numbers, no empty strings.
        mapper.setDefaultLeniency(Boolean.FALSE);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        }
        // An integer is a valid JSON number for a decimal field: 1 for 1.0 stays accepted.
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.DateTime, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);

        SimpleModule module = new SimpleModule("linkage-strict-input");
        module.addDeserializer(String.class, new CleanStrings());
        module.addKeyDeserializer(String.class, new CleanKeys());
        module.addDeserializer(Double.class, new FiniteDoubles(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDoubles(Double.TYPE, 0.0));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new TimeFromTextOnly(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Jackson's own string reading (and its coercion rules), then the character check. */
    static final class CleanStrings extends StdScalarDeserializer<String> {
        CleanStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            int index = ControlCharacters.firstForbidden(value);
            if (index >= 0) {
                throw new RefusedJsonValue(parser, ControlCharacters.message(value, index), value);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class CleanKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            int index = ControlCharacters.firstForbidden(key);
            if (index >= 0) {
                throw new RefusedJsonValue(context.getParser(), ControlCharacters.message(key, index), key);
            }
            return key;
        }
    }

    /** Jackson reads a number as epoch seconds for an Instant whatever the coercion settings say. */
    static final class TimeFromTextOnly extends DelegatingDeserializer {
        TimeFromTextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TimeFromTextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /** 1e999 would be read as Infinity; no field of the API means that. */
    static final class FiniteDoubles extends NumberDeserializers.DoubleDeserializer {
        FiniteDoubles(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw InvalidFormatException.from(parser, "is not a finite number", parser.getText(), Double.class);
            }
            return value;
        }
    }
}
