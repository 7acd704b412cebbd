package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.activity.api.ImportReport;
import org.linkage.activity.service.SheetImports;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.tabular.SheetFormat;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Stations and beneficiaries from the district's spreadsheets")
@Produces(MediaType.APPLICATION_JSON)
// Spreadsheets come as text/csv, text/plain, an Excel type or octet-stream depending on the client: the bytes tell.
@Consumes(MediaType.WILDCARD)
public class ImportResource {

    private static final String FILE = "A CSV file (UTF-8 with or without BOM, or GB18030/GBK as Excel saves "
            + "\"CSV\" in China) or an .xlsx workbook (first sheet); header row in Chinese or English, any order. ";
    private static final String ALL_OR_NOTHING = " All or nothing: one invalid row refuses the file with a 400 "
            + "naming each row and column (rows[4].latitude), unless partial=true, which stores the valid rows and "
            + "reports the others. Staff import within their community. At most 5000 rows.";
    private static final String REFUSED = "Not CSV or .xlsx, an unsupported encoding, a header missing a required "
            + "column or naming an unknown one, too many rows, or (unless partial) an invalid row; nothing is stored";

    private final SheetImports imports;

    ImportResource(SheetImports imports) {
        this.imports = imports;
    }

    @POST
    @Path("/stations")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "importStations", summary = "Add service stations from a CSV or .xlsx file",
            description = FILE + "Columns: name/名称 (the zh-CN label), optionally nameEn/英文名称 (the English "
                    + "label), kind/类型 (COMMUNITY_CENTRE/社区中心, COMMUNITY_HOSPITAL/"
                    + "社区卫生服务中心, SCHOOL/学校, ELDERLY_CARE_CENTRE/养老院, OTHER/其他), address/地址, "
                    + "latitude/纬度, longitude/经度, community/社区, optionally coordinateSystem/坐标系 (WGS84, "
                    + "GCJ02, BD09) and partnerOrganisations/合作单位 (separated by ';')." + ALL_OR_NOTHING)
    @RequestBody(content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "stations", value = """
                    名称,英文名称,类型,地址,纬度,经度,社区,坐标系
                    新华社区中心,Xinhua Community Centre,社区中心,新华路88号,31.2110,121.4290,xinhua,GCJ02""")),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "What became of each row",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = REFUSED)
    public ImportReport importStations(byte[] file, @QueryParam("partial") @DefaultValue("false")
                                       @Parameter(description = "Store the valid rows even when others are invalid")
                                       boolean partial, @Context HttpHeaders headers) {
        return imports.stations(file, partial).inLanguage(Language.of(headers));
    }

    @POST
    @Path("/beneficiaries")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "importBeneficiaries", summary = "Register beneficiaries from a CSV or .xlsx file",
            description = FILE + "Columns: focusGroup/重点人群 (ELDERLY/老人, CHILD/儿童, FAMILY/困难家庭), "
                    + "fullName/姓名, address/地址, latitude/纬度, longitude/经度, community/社区, optionally "
                    + "phone/电话, birthDate/出生日期 (required for a child), socialWorkerId/社工 (the importing "
                    + "social worker when blank), coordinateSystem/坐标系, guardianName/监护人, guardianPhone/"
                    + "监护人电话, guardianRelation/监护人关系 (a guardian is required for a child under 14)."
                    + ALL_OR_NOTHING)
    @RequestBody(content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "beneficiaries", value = """
                    重点人群,姓名,地址,纬度,经度,社区,出生日期,监护人,监护人电话,监护人关系
                    老人,张桂英,新华路12弄3号,31.2304,121.4737,xinhua,,,,
                    儿童,李小明,新华路12弄5号,31.2306,121.4739,xinhua,2016-05-01,王丽,13800000000,母亲""")),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "What became of each row",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = REFUSED)
    public ImportReport importBeneficiaries(byte[] file, @QueryParam("partial") @DefaultValue("false")
                                            @Parameter(description = "Store the valid rows even when others are "
                                                    + "invalid") boolean partial,
                                            @Context HttpHeaders headers) {
        return imports.beneficiaries(file, partial).inLanguage(Language.of(headers));
    }
}
