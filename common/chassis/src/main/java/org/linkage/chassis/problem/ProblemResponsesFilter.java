package org.linkage.chassis.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Documents once what {@link ProblemMappers} does everywhere: every 4xx and 5xx response of every operation is
 * application/problem+json, and any operation may answer 500. Resources then only name their error codes.
 * Registered through {@code mp.openapi.filter} in this library's microprofile-config.properties.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** The suite's own operations only: a webhook's answers are the receiver's, not problems of ours. */
    private static void documentProblems(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses != null) {
            responses.forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5"))
                        && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
        // The HTTP layer answers these for any body (HttpProblems), before the operation reads it.
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "413", "The body, or a part of the form, is over the size limit");
            addIfAbsent(operation, "415", "The body's Content-Type is not one the operation reads");
        }
        if (responses == null || !responses.containsKey("500")) {
            operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("Unexpected error; the problem carries only an error id to quote to the operator")
                    .content(problemContent()));
        }
    }

    private static void addIfAbsent(Operation operation, String code, String description) {
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses == null || !responses.containsKey(code)) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                    .content(problemContent()));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                    .forEach(ProblemResponsesFilter::documentProblems));
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Violation", OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("A field-level validation error")
                    .required(List.of("field", "message"))
                    .addProperty("field", string("The field, as a JSON path in the body or a parameter name"))
                    .addProperty("message", string("What is wrong with it")));
            components.addSchema("Problem", OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("RFC 9457 problem details (application/problem+json)")
                    .required(List.of("type", "title", "status"))
                    .addProperty("type", string("A URI naming the kind of problem: the page of "
                            + "https://linkage.dev/problems/<slug> is docs/problems/<slug>.md; about:blank when the "
                            + "status says all"))
                    .addProperty("title", string("A short summary of the kind of problem"))
                    .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                    .addProperty("detail", string("What went wrong this time"))
                    .addProperty("instance", string("The request path"))
                    .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                            .items(OASFactory.createSchema().ref("#/components/schemas/Violation"))));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
