package org.linkage.chassis.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;
import java.util.Map;

/**
 * Shapes that client generators read right. An enum query parameter with a validation pattern is written by the
 * scanner as {@code allOf: [$ref enum, {pattern}]}, which generators turn into a class that cannot be built; it
 * becomes the plain enum. A response in a media type other than JSON (a photo, a PDF) without a schema gets
 * {@code string/binary}, so that the generated client returns its bytes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PlainSchemasFilter implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> plainEnum(parameter, schemas));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(response -> response.getContent() != null
                                    && response.getContent().getMediaTypes() != null)
                            .flatMap(response -> response.getContent().getMediaTypes().entrySet().stream())
                            .filter(media -> !media.getKey().contains("json") && media.getValue().getSchema() == null)
                            .map(Map.Entry::getValue)
                            .forEach(PlainSchemasFilter::binary);
                }
            }
        }
    }

    private static void plainEnum(Parameter parameter, Map<String, Schema> schemas) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getAllOf() == null) {
            return;
        }
        List<Schema> parts = schema.getAllOf();
        Schema enumSchema = parts.stream().filter(part -> part.getRef() != null && part.getRef().startsWith(PREFIX))
                .map(part -> schemas.get(part.getRef().substring(PREFIX.length())))
                .filter(named -> named != null && named.getEnumeration() != null)
                .findFirst().orElse(null);
        boolean onlyPatterns = parts.stream().allMatch(part -> part.getRef() != null || isOnlyPattern(part));
        if (enumSchema != null && onlyPatterns) {
            parameter.setSchema(OASFactory.createSchema().type(enumSchema.getType())
                    .enumeration(enumSchema.getEnumeration()).defaultValue(schema.getDefaultValue())
                    .description(schema.getDescription() != null ? schema.getDescription()
                            : enumSchema.getDescription()));
        }
    }

    private static boolean isOnlyPattern(Schema part) {
        return part.getPattern() != null && part.getType() == null && part.getEnumeration() == null
                && part.getProperties() == null;
    }

    private static void binary(MediaType media) {
        media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("binary"));
    }
}
