package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.tabular.Heading;
import org.linkage.chassis.tabular.SheetDownload;
import org.linkage.chassis.tabular.SheetFormat;
import org.linkage.chassis.tabular.SheetWriter;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Period;
import org.linkage.volunteer.service.Exports;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

@Path("/api/v1/exports")
@Tag(name = "Exports", description = "The district's spreadsheets: CSV (UTF-8 with BOM, opens in Excel) or .xlsx, "
        + "streamed; Chinese headings unless Accept-Language prefers en")
@Produces({SheetFormat.CSV_TYPE, SheetFormat.XLSX_TYPE})
public class ExportResource {

    /** The longest period one export covers. */
    static final int MAX_DAYS = 366;

    private static final List<Heading> VOLUNTEERS = List.of(new Heading("编号", "id"), new Heading("姓名", "name"),
            new Heading("手机号", "phone"), new Heading("社区", "community"), new Heading("群体", "group"),
            new Heading("单位", "organisation"), new Heading("状态", "status"),
            new Heading("技能", "skills"), new Heading("出生年份", "birthYear"), new Heading("性别", "gender"),
            new Heading("累计时长", "lifetimeHours"), new Heading("星级", "starLevel"),
            new Heading("注册时间", "registeredAt"));
    private static final List<Heading> HOURS = List.of(new Heading("服务日期", "serviceDate"),
            new Heading("志愿者编号", "volunteerId"), new Heading("姓名", "name"), new Heading("社区", "community"),
            new Heading("来源", "source"), new Heading("时长", "hours"), new Heading("确认人", "confirmedBy"),
            new Heading("原因", "reason"), new Heading("记录时间", "recordedAt"));

    /** The query parameters both exports take. */
    public static class Query {
        @QueryParam("format") @Parameter(description = "csv (default) or xlsx") String format;
        @QueryParam("community") @Parameter(example = "新华路社区") String community;
        @QueryParam("team") UUID team;
        @QueryParam("group") @Size(max = 50) @Parameter(example = "RIDER",
                description = "A code of the volunteer group types catalogue (GET /api/v1/volunteer-group-types)")
        String group;
        @QueryParam("organisation") @Size(max = 120) @Parameter(example = "fudan-university",
                description = "A code of the organisations catalogue (GET /api/v1/organisations), or its Chinese or "
                        + "English name")
        String organisation;
        @QueryParam("from") @Parameter(example = "2026-12-01") String from;
        @QueryParam("to") @Parameter(example = "2026-12-31") String to;
        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language;
    }

    private final Exports exports;
    private final DistrictConfig district;

    ExportResource(Exports exports, DistrictConfig district) {
        this.exports = exports;
        this.district = district;
    }

    @GET
    @Path("/volunteers")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "exportVolunteers", summary = "Export volunteers as CSV or .xlsx",
            description = "Volunteers of a community (a social worker's own; all for an admin when left out), "
                    + "optionally of a team, a group type (COLLEGE_STUDENT, RIDER... GET "
                    + "/api/v1/volunteer-group-types) or an organisation, and registered in a period (from and to, "
                    + "both or neither). "
                    + "Phones are "
                    + "masked (138****5678) unless an admin asks reveal=phone. Erased volunteers are left out. "
                    + "Streamed: any number of rows in constant memory.")
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format, reveal field or group type, or an invalid "
            + "period")
    @APIResponse(responseCode = "403", description = "Another community, or reveal without the right to see phones")
    public Response volunteers(@BeanParam @Valid Query query,
                               @QueryParam("reveal") @Parameter(description = "phone (admins only)") String reveal) {
        Period period = query.from == null && query.to == null ? null
                : Period.of(query.from, query.to, district.timeZone(), MAX_DAYS);
        return download(query, period, reveal, "volunteers", VOLUNTEERS, exports::volunteers);
    }

    @GET
    @Path("/hours")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "exportHours", summary = "Export service hours as CSV or .xlsx",
            description = "Every hours ledger entry (credits and corrections) with a service date in the period "
                    + "(the current month in the district's time zone when from and to are left out; at most 366 "
                    + "days), of volunteers of a community (a social worker's own) and optionally of a team, or of a "
                    + "group type or an organisation as recorded on each entry (the volunteer's when the hours were "
                    + "recorded). Streamed: any number of rows in constant memory.")
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format or group type, or an invalid or too long "
            + "period")
    @APIResponse(responseCode = "403", description = "Another community")
    public Response hours(@BeanParam @Valid Query query) {
        return download(query, Period.of(query.from, query.to, district.timeZone(), MAX_DAYS), null, "hours", HOURS,
                exports::hours);
    }

    /** Every check (format, period, rights) runs here, before the download's status is sent. */
    private Response download(Query query, Period period, String reveal, String name, List<Heading> headings,
                              BiConsumer<Exports.Scope, SheetWriter> rows) {
        SheetFormat format = SheetFormat.of(query.format);
        Exports.Scope scope = exports.scope(query.community, new Exports.Group(query.team, query.group,
                        query.organisation),
                period, reveal);
        return SheetDownload.of(format, name, Heading.labels(headings, query.language), district.timeZone(),
                writer -> rows.accept(scope, writer));
    }
}
