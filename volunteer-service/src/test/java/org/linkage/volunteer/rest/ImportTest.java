package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.InfrastructureTestResource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ImportTest extends SignedInAsStaff {

    private static final String CSV = "text/csv; charset=UTF-8";

    private static long total() {
        return given().get("/api/v1/volunteers?size=1").then().extract().jsonPath().getLong("totalItems");
    }

    @Test
    void aSpreadsheetImportsOnceAndReportsEachRejectedRow() {
        String good = VolunteerResourceTest.randomPhone();
        String alsoGood = VolunteerResourceTest.randomPhone();
        String csv = "\uFEFFname,phone,skills,community,birthYear,gender,languages\r\n"
                + "王芳," + good + ",elder-care;companionship,新华路社区,1968,female,zh\r\n"
                + "\"李强, Jr.\",+86" + alsoGood + ",first-aid,番禺路社区,,,zh;en\r\n"
                + "赵六,12345,first-aid,,,,\r\n"
                + "钱七," + VolunteerResourceTest.randomPhone() + ",juggling,,1890,ROBOT,\r\n"
                + "孙八," + good + ",tutoring,,,,\r\n"
                + "\r\n";
        String firstId = given().contentType(CSV).header("Accept-Language", "en").body(csv)
                .post("/api/v1/volunteers/imports?partial=true")
                .then().statusCode(200)
                .body("rows", equalTo(5))
                .body("accepted.row", contains(2, 3))
                .body("alreadyRegistered", empty())
                .body("rejected.row", contains(4, 5, 6))
                .body("rejected[0].violations.field", contains("phone"))
                .body("rejected[1].violations.field", contains("birthYear", "gender", "skills[0]"))
                .body("rejected[2].violations[0].message", containsString("row 2"))
                .extract().path("accepted[0].volunteerId");

        given().get("/api/v1/volunteers/" + firstId).then().statusCode(200)
                .body("name", equalTo("王芳"))
                .body("status", equalTo("ACTIVE"))
                .body("skills", contains("companionship", "elder-care"))
                .body("homeCommunity", equalTo("新华路社区"))
                .body("birthYear", equalTo(1968))
                .body("gender", equalTo("FEMALE"));
        VolunteerRegistered registered = TestVolunteers.awaitEvents(firstId, VolunteerRegistered.TYPE).get(0)
                .payloadAs(VolunteerRegistered.class);
        assertEquals("新华路社区", registered.community());
        assertEquals(List.of("zh"), registered.languages());

        long afterFirst = total();
        given().contentType(CSV).body(csv).post("/api/v1/volunteers/imports?partial=true")
                .then().statusCode(200)
                .body("accepted", empty())
                .body("alreadyRegistered.row", contains(2, 3))
                .body("alreadyRegistered[0].volunteerId", equalTo(firstId))
                .body("rejected.row", contains(4, 5, 6));
        assertEquals(afterFirst, total());
    }

    @Test
    void aCellThatWouldRunAsAFormulaIsRefusedNamingItsColumnAndNothingOfTheRowIsStored() {
        long before = total();
        String csv = "name,phone,skills\n"
                + "=cmd|' /C calc'!A0," + VolunteerResourceTest.randomPhone() + ",first-aid\n"
                + "王芳,+86" + VolunteerResourceTest.randomPhone() + ",@SUM(1+1)\n";
        given().contentType(CSV).header("Accept-Language", "en").body(csv)
                .post("/api/v1/volunteers/imports?partial=true")
                .then().statusCode(200)
                .body("accepted", empty())
                .body("rejected.row", contains(2, 3))
                .body("rejected[0].violations.field", everyItem(equalTo("name")))
                .body("rejected[0].violations.message", hasItem(containsString("formula")))
                .body("rejected[1].violations.field", everyItem(equalTo("skills")));
        // A report that succeeds speaks the reader's language too: Chinese unless they prefer English.
        given().contentType(CSV).body(csv).post("/api/v1/volunteers/imports?partial=true")
                .then().statusCode(200)
                .body("rejected[0].violations.message", hasItem(containsString("以表格公式符号")));
        assertEquals(before, total());
    }

    @Test
    void aFileThatIsNotTheExpectedCsvIsRefusedWhole() {
        long before = total();
        given().contentType(CSV).body("name,mobile,skills\n王芳,13812345678,first-aid\n")
                .post("/api/v1/volunteers/imports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("header[1]", "header"));
        given().contentType(CSV).body("name,phone,skills\n\"王芳,13812345678,first-aid\n")
                .post("/api/v1/volunteers/imports").then().statusCode(400)
                .body("violations.field", contains("body"));
        given().contentType(CSV).body("")
                .post("/api/v1/volunteers/imports").then().statusCode(400);
        assertEquals(before, total());
    }

    @Test
    void oneInvalidRowRefusesTheWholeFileNamingRowAndColumnUnlessPartial() {
        long before = total();
        String good = VolunteerResourceTest.randomPhone();
        String csv = "name,phone,skills,birthYear\n"
                + "王芳," + good + ",elder-care,1968\n"
                + "赵六,12345,first-aid,\n"
                + "钱七," + VolunteerResourceTest.randomPhone() + ",first-aid,一九九〇\n";
        given().contentType(CSV).body(csv).post("/api/v1/volunteers/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("部分行未通过校验"))
                .body("violations.field", contains("rows[3].phone", "rows[4].birthYear"))
                .body("detail", containsString("partial=true"));
        assertEquals(before, total());
    }

    @Test
    void aGbkCsvWithChineseHeadersImports() {
        String phone = VolunteerResourceTest.randomPhone();
        String csv = "姓名,手机号,技能,社区,出生年份,性别\r\n陈静," + phone + ",elder-care,新华路社区,1975,女\r\n";
        String id = given().contentType("text/csv").body(csv.getBytes(Charset.forName("GBK")))
                .post("/api/v1/volunteers/imports").then().statusCode(200)
                .body("accepted.row", contains(2)).extract().path("accepted[0].volunteerId");
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("name", equalTo("陈静")).body("homeCommunity", equalTo("新华路社区"))
                .body("gender", equalTo("FEMALE"));
    }

    @Test
    void anXlsxWorkbookImports() throws IOException {
        String phone = VolunteerResourceTest.randomPhone();
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("志愿者名单");
            var header = sheet.createRow(0);
            List.of("姓名", "手机号", "技能", "语言").forEach(h -> header.createCell(header.getPhysicalNumberOfCells())
                    .setCellValue(h));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("刘洋");
            row.createCell(1).setCellValue(Double.parseDouble(phone));
            row.createCell(2).setCellValue("tutoring;first-aid");
            row.createCell(3).setCellValue("zh；en");
            workbook.write(out);
            file = out.toByteArray();
        }
        String id = given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(file).post("/api/v1/volunteers/imports").then().statusCode(200)
                .body("accepted.row", contains(2)).extract().path("accepted[0].volunteerId");
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("name", equalTo("刘洋")).body("skills", contains("first-aid", "tutoring"));
    }

    @Test
    void anUnsupportedEncodingOrASheetWithoutTheRequiredColumnsIsRefusedNamingTheProblem() {
        long before = total();
        byte[] utf16 = ("\uFEFFname,phone,skills\n王芳," + VolunteerResourceTest.randomPhone() + ",first-aid\n")
                .getBytes(StandardCharsets.UTF_16LE);
        given().contentType(CSV).body(utf16).post("/api/v1/volunteers/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("不支持的文字编码")).body("violations.field", contains("body"));
        given().contentType(CSV).body("姓名,技能\n王芳,first-aid\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/volunteers/imports").then().statusCode(400)
                .body("violations.field", contains("header"))
                .body("violations[0].message", containsString("phone"));
        assertEquals(before, total());
    }
}
