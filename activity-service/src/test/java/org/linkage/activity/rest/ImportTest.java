package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.chassis.tabular.SheetFormat;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ImportTest implements AsAdmin {

    private static final String CSV = "text/csv";

    private static String community() {
        return "imp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int stationsIn(String community) {
        return given().get("/api/v1/stations?community=" + community).then().statusCode(200)
                .extract().path("totalItems");
    }

    @Test
    void aGbkStationSheetWithChineseHeadersAndValuesImports() {
        String community = community();
        String csv = "名称,类型,地址,纬度,经度,社区,合作单位\r\n"
                + "新华社区中心,社区中心,新华路88号,31.2110,121.4290," + community + ",新华小学；红十字会\r\n"
                + "新华社区卫生服务中心,社区卫生服务中心,新华路90号,31.2112,121.4292," + community + ",\r\n";
        String id = given().contentType(CSV).body(csv.getBytes(Charset.forName("GBK")))
                .post("/api/v1/imports/stations").then().statusCode(200)
                .body("rows", equalTo(2)).body("accepted.row", contains(2, 3))
                .extract().path("accepted[0].id");
        given().get("/api/v1/stations/" + id).then().statusCode(200)
                .body("name", equalTo("新华社区中心")).body("kind", equalTo("COMMUNITY_CENTRE"))
                .body("partnerOrganisations", contains("新华小学", "红十字会"));
        assertEquals(2, stationsIn(community));
    }

    @Test
    void oneBadRowRefusesTheStationSheetNamingRowAndColumnAndPartialStoresTheRest() {
        String community = community();
        String csv = "\uFEFFname,kind,address,latitude,longitude,community\n"
                + "Xinhua Centre,COMMUNITY_CENTRE,88 Xinhua Road,31.2110,121.4290," + community + "\n"
                + "Nowhere,CASTLE,1 Road,north,121.4," + community + "\n";
        given().contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("rows[3].kind", "rows[3].latitude"));
        assertEquals(0, stationsIn(community));

        given().contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/stations?partial=true").then().statusCode(200)
                .body("accepted.row", contains(2)).body("rejected.row", contains(3));
        assertEquals(1, stationsIn(community));
    }

    @Test
    void aGbkSheetsBadRowIsReportedInChineseByDefaultAndInEnglishOnRequestNamingRowAndColumn() {
        String community = community();
        byte[] gbk = ("名称,类型,地址,纬度,经度,社区\r\n"
                + "新华社区中心,社区中心,新华路88号,31.2110,121.4290," + community + "\r\n"
                + "番禺站,社区中心,番禺路1号,北纬31度,121.4," + community + "\r\n").getBytes(Charset.forName("GBK"));
        given().contentType(CSV).body(gbk).post("/api/v1/imports/stations").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("violations.field", contains("rows[3].latitude"))
                .body("violations[0].message", equalTo("须为以度表示的数字，例如 31.2304"))
                .body("detail", containsString("未导入任何数据"));
        given().contentType(CSV).header("Accept-Language", "en").body(gbk).post("/api/v1/imports/stations")
                .then().statusCode(400).header("Content-Language", "en")
                .body("violations.field", contains("rows[3].latitude"))
                .body("violations[0].message", equalTo("must be a number in degrees such as 31.2304"))
                .body("detail", containsString("nothing was imported"));
        assertEquals(0, stationsIn(community));
    }

    @Test
    void aPartialImportsRejectedRowsFollowTheReadersLanguage() throws IOException {
        String community = community();
        List<List<String>> rows = List.of(
                List.of("focusGroup", "fullName", "address", "latitude", "longitude", "community", "birthDate"),
                List.of("ELDERLY", "张桂英", "新华路12弄3号", "31.2304", "121.4737", community, "1940-13-45"),
                List.of("ELDERLY", "王秀兰", "新华路12弄4号", "31.2304", "121.4737", community, "=1+1"));
        As.socialWorker("sw-lang", community).contentType(SheetFormat.XLSX_TYPE).body(xlsx(rows))
                .post("/api/v1/imports/beneficiaries?partial=true").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.empty()).body("rejected.row", contains(2, 3))
                .body("rejected[0].violations.field", contains("birthDate"))
                .body("rejected[0].violations[0].message", equalTo("须为日期，例如 2016-05-01"))
                .body("rejected[1].violations[0].message", startsWith("以表格公式符号"));
        As.socialWorker("sw-lang", community).header("Accept-Language", "en-GB,en;q=0.8")
                .contentType(SheetFormat.XLSX_TYPE).body(xlsx(rows))
                .post("/api/v1/imports/beneficiaries?partial=true").then().statusCode(200)
                .body("rejected[0].violations[0].message", equalTo("must be a date such as 2016-05-01"))
                .body("rejected[1].violations[0].message", startsWith("starts like a spreadsheet formula"));
        As.socialWorker("sw-lang", community).get("/api/v1/beneficiaries?community=" + community).then()
                .statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aSocialWorkerImportsBeneficiariesFromAnXlsxWorkbookAndAChildWithoutGuardianRefusesIt() throws IOException {
        String community = community();
        String socialWorker = Tokens.socialWorker("sw-import", community);
        List<List<String>> rows = List.of(
                List.of("重点人群", "姓名", "地址", "纬度", "经度", "社区", "出生日期", "监护人", "监护人电话", "监护人关系"),
                List.of("老人", "张桂英", "新华路12弄3号", "31.2304", "121.4737", community, "", "", "", ""),
                List.of("儿童", "李小明", "新华路12弄5号", "31.2306", "121.4739", community, "2018-05-01", "王丽",
                        "13800000000", "母亲"));
        String elder = As.token(socialWorker).contentType(SheetFormat.XLSX_TYPE).body(xlsx(rows))
                .post("/api/v1/imports/beneficiaries").then().statusCode(200)
                .body("accepted.row", contains(2, 3)).extract().path("accepted[0].id");
        As.token(socialWorker).get("/api/v1/beneficiaries/" + elder).then().statusCode(200)
                .body("fullName", equalTo("张桂英")).body("focusGroup", equalTo("ELDERLY"))
                .body("socialWorkerId", equalTo("sw-import"));

        List<List<String>> orphan = List.of(rows.get(0),
                List.of("儿童", "赵小雨", "新华路12弄7号", "31.2306", "121.4739", community, "2019-01-01", "", "", ""));
        As.token(socialWorker).contentType(SheetFormat.XLSX_TYPE).body(xlsx(orphan))
                .post("/api/v1/imports/beneficiaries").then().statusCode(400)
                .body("violations.field", contains("rows[2].guardian"));
        As.socialWorker("sw-other", community()).contentType(SheetFormat.XLSX_TYPE)
                .body(xlsx(rows)).post("/api/v1/imports/beneficiaries").then().statusCode(400)
                .body("violations.field", contains("rows[2].community", "rows[3].community"));
    }

    @Test
    void anUnsupportedEncodingOrMissingColumnsAreRefusedNamingTheProblem() {
        given().contentType(CSV).body("名称,类型\n".getBytes(StandardCharsets.UTF_16BE))
                .post("/api/v1/imports/stations").then().statusCode(400);
        byte[] utf16 = "\uFEFF名称,类型\n".getBytes(StandardCharsets.UTF_16LE);
        given().contentType(CSV).body(utf16).post("/api/v1/imports/stations").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("不支持的文字编码"));
        given().contentType(CSV).body("名称,类型,地址\n站,学校,路\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/stations").then().statusCode(400)
                .body("title", equalTo("表格列不符合要求"))
                .body("violations[0].message", containsString("latitude"));
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("服务对象");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
