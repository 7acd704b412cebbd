package org.linkage.chassis.input;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Operations of every kind of input, for the chassis' strict-input tests only. */
@Path("/test/strict")
@Produces(MediaType.APPLICATION_JSON)
public class StrictInputResource {

    public enum Kind { RED, GREEN }

    public record Nested(String name) {
    }

    public record Ranked(int rank) {
    }

    public record Body(String text, Integer count, Boolean flag, LocalDate day, Instant at, Double ratio,
                       Kind kind, Map<String, String> tags, List<Nested> items, List<String> words) {
    }

    @POST
    @Path("/bodies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "strictBody", summary = "test")
    public Body body(Body body) {
        return body;
    }

    @POST
    @Path("/ranks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "strictRank", summary = "test")
    public Ranked rank(Ranked ranked) {
        return ranked;
    }

    @GET
    @Path("/params/{id}")
    @Operation(operationId = "strictParams", summary = "test")
    public Map<String, Object> params(@PathParam("id") UUID id,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("flag") Boolean flag,
                                      @QueryParam("kind") Kind kind,
                                      @QueryParam("q") String q,
                                      @HeaderParam("X-Note") String note) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("id", id);
        echo.put("page", page);
        echo.put("flag", flag);
        echo.put("kind", kind);
        echo.put("q", q);
        echo.put("note", note);
        return echo;
    }

    @GET
    @Path("/failure")
    @Operation(operationId = "strictFailure", summary = "test")
    public String failure() {
        throw new IllegalStateException("a secret detail of the failure");
    }

    @POST
    @Path("/stale")
    @Operation(operationId = "strictStale", summary = "test")
    public String stale() {
        throw new RuntimeException("commit failed", new OptimisticLockException("Row was updated by another"));
    }
}
