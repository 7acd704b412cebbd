package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
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
import org.linkage.activity.domain.VolunteerGroup;
import org.linkage.activity.service.Exports;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.tabular.Heading;
import org.linkage.chassis.tabular.SheetDownload;
import org.linkage.chassis.tabular.SheetFormat;
import org.linkage.chassis.tabular.SheetWriter;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Period;

import java.util.List;
import java.util.function.BiConsumer;

@Path("/api/v1/exports")
@Tag(name = "Exports", description = "The district's spreadsheets: CSV (UTF-8 with BOM, opens in Excel) or .xlsx, "
        + "streamed in constant memory; Chinese headings unless Accept-Language prefers en")
@Produces({SheetFormat.CSV_TYPE, SheetFormat.XLSX_TYPE})
@RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
public class ExportResource {

    /** The longest period one export covers. */
    static final int MAX_DAYS = 366;

    private static final String FILTERS = " Filtered by community (a social worker's own; the whole district for "
            + "an admin when left out) and period (from and to, both or neither: the current month in the "
            + "district's time zone when left out; at most 366 days).";

    /** The query parameters every export takes. */
    public static class Query {
        @QueryParam("format") @Parameter(description = "csv (default) or xlsx") String format;
        @QueryParam("community") @Parameter(example = "xinhua") String community;
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
    @Path("/activities")
    @Operation(operationId = "exportActivities", summary = "Export activities as CSV or .xlsx",
            description = "Activities that start in the period, with their station, capacity, sign-ups, "
                    + "attendance, hours and audience (the volunteer groups they are open to; empty for everyone); "
                    + "optionally of one station, or open to one volunteer group (group)." + FILTERS)
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format, an invalid station or group, or an invalid "
            + "or too long period")
    @APIResponse(responseCode = "403", description = "Another community")
    public Response activities(@BeanParam Query query,
                               @QueryParam("station") @Parameter(description = "One station's activities")
                               String station,
                               @QueryParam("group") @Parameter(description = "Only activities open to this group",
                                       schema = @Schema(type = SchemaType.STRING, pattern = VolunteerGroup.CODE))
                               String group) {
        String audience = QueryValues.group("group", group);
        return download(query, station, audience, null, "activities", List.of(new Heading("编号", "id"),
                new Heading("站点", "station"), new Heading("社区", "community"), new Heading("名称", "title"),
                new Heading("开始时间", "startsAt"), new Heading("结束时间", "endsAt"),
                new Heading("名额", "capacity"), new Heading("已报名", "confirmed"), new Heading("签到人数", "attended"),
                new Heading("服务时长", "hours"), new Heading("状态", "status"), new Heading("组织者", "organiser"),
                new Heading("面向群体", "audience")), exports::activities);
    }

    @GET
    @Path("/needs")
    @Operation(operationId = "exportNeeds", summary = "Export needs as CSV or .xlsx",
            description = "Needs raised in the period. The beneficiary's name and address are masked unless an "
                    + "admin asks reveal=beneficiary,address; a child's are always masked." + FILTERS)
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format or reveal field, or an invalid or too long "
            + "period")
    @APIResponse(responseCode = "403", description = "Another community, or reveal without the right")
    public Response needs(@BeanParam Query query,
                          @QueryParam("reveal") @Parameter(description = "beneficiary, address (admins only)")
                          String reveal) {
        return download(query, null, null, reveal, "needs", List.of(new Heading("编号", "id"),
                new Heading("类别", "category"), new Heading("技能", "requiredSkill"),
                new Heading("服务对象类别", "careCategory"), new Heading("摘要", "summary"),
                new Heading("社区", "community"), new Heading("开始时间", "windowStart"),
                new Heading("紧急程度", "urgency"), new Heading("状态", "status"),
                new Heading("服务日期", "serviceDate"), new Heading("服务对象", "beneficiary"),
                new Heading("地址", "address")), exports::needs);
    }

    @GET
    @Path("/wishes")
    @Operation(operationId = "exportMicroWishes", summary = "Export micro-wishes as CSV or .xlsx",
            description = "Micro-wishes posted in the period with who claimed them and when they were fulfilled "
                    + "and confirmed. The beneficiary's name is masked unless an admin asks reveal=beneficiary; a "
                    + "child's is always masked." + FILTERS)
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format or reveal field, or an invalid or too long "
            + "period")
    @APIResponse(responseCode = "403", description = "Another community, or reveal without the right")
    public Response wishes(@BeanParam Query query,
                           @QueryParam("reveal") @Parameter(description = "beneficiary (admins only)") String reveal) {
        return download(query, null, null, reveal, "wishes", List.of(new Heading("编号", "id"),
                new Heading("心愿", "title"), new Heading("社区", "community"), new Heading("状态", "status"),
                new Heading("发布时间", "postedAt"), new Heading("认领志愿者", "claimedBy"),
                new Heading("认领时间", "claimedAt"), new Heading("完成时间", "fulfilledAt"),
                new Heading("确认时间", "confirmedAt"), new Heading("服务对象", "beneficiary")), exports::wishes);
    }

    @GET
    @Path("/hazards")
    @Operation(operationId = "exportHazardReports", summary = "Export hazard reports as CSV or .xlsx",
            description = "Hazard reports made in the period, with where they stand and when they were resolved."
                    + FILTERS)
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format, or an invalid or too long period")
    @APIResponse(responseCode = "403", description = "Another community")
    public Response hazards(@BeanParam Query query) {
        return download(query, null, null, null, "hazards", List.of(new Heading("编号", "id"),
                new Heading("类别", "category"), new Heading("严重程度", "severity"), new Heading("状态", "status"),
                new Heading("社区", "community"), new Heading("纬度", "latitude"), new Heading("经度", "longitude"),
                new Heading("报告志愿者", "reportedBy"), new Heading("报告时间", "reportedAt"),
                new Heading("解决时间", "resolvedAt"), new Heading("处理结果", "resolution")), exports::hazards);
    }

    @GET
    @Path("/emergencies")
    @Operation(operationId = "exportEmergencies", summary = "Export emergencies as CSV or .xlsx",
            description = "Emergency needs raised in the period: when each was raised, when a volunteer first "
                    + "accepted it and how many seconds that took, how many volunteers were offered it, and its "
                    + "status. No beneficiary data." + FILTERS)
    @APIResponse(responseCode = "200", description = "The sheet, as an attachment", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "400", description = "An unknown format, or an invalid or too long period")
    @APIResponse(responseCode = "403", description = "Another community")
    public Response emergencies(@BeanParam Query query) {
        return download(query, null, null, null, "emergencies", List.of(new Heading("编号", "id"),
                new Heading("类别", "category"), new Heading("社区", "community"), new Heading("求助时间", "raisedAt"),
                new Heading("首次接单时间", "firstAcceptedAt"), new Heading("响应秒数", "secondsToFirstAccept"),
                new Heading("通知志愿者数", "volunteersOffered"), new Heading("状态", "status")),
                exports::emergencies);
    }

    /** Every check (format, period, rights) runs here, before the download's status is sent. */
    private Response download(Query query, String station, String group, String reveal, String name,
                              List<Heading> headings, BiConsumer<Exports.Scope, SheetWriter> rows) {
        SheetFormat format = SheetFormat.of(query.format);
        Period period = Period.of(query.from, query.to, district.timeZone(), MAX_DAYS);
        Exports.Scope scope = exports.scope(query.community, QueryValues.uuid("station", station), group, period,
                reveal, Language.ofAcceptLanguage(query.language));
        return SheetDownload.of(format, name, Heading.labels(headings, query.language), district.timeZone(),
                writer -> rows.accept(scope, writer));
    }
}
