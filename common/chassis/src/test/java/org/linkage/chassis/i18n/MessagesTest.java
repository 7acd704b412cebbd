package org.linkage.chassis.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkage.chassis.problem.Problem;
import org.linkage.chassis.problem.ProblemTitles;
import org.linkage.chassis.problem.Violation;
import org.linkage.testing.ProblemTexts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessagesTest {

    /** Completeness of the chassis' catalogue: every key in both languages, the same placeholders. */
    @Test
    void theChassisCatalogueIsComplete() throws Exception {
        assertEquals(List.of(), Messages.incompleteness(Path.of("src/main/resources", Messages.RESOURCE)));
    }

    /** The chassis' own problems (HTTP layer, sheets, security...) reach a Chinese reader in Chinese. */
    @Test
    void everyProblemTextTheChassisWritesIsCatalogued() {
        assertEquals(List.of(), ProblemTexts.uncatalogued(Path.of("src/main/java"), new ProblemTexts.Catalogue(
                Messages.get()::rendersInChinese, ProblemTitles::titled, Messages.get()::has)));
    }

    /** The check can fail: an uncatalogued message, a type without titles, an unknown key are each found. */
    @Test
    void theProblemTextCheckFindsWhatTheCatalogueLacks(@TempDir Path sources) throws Exception {
        Files.writeString(sources.resolve("Broken.java"), """
                class Broken {
                    static final String MOOD = "is purple";
                    void check(int n) {
                        throw ProblemException.invalid("colour", MOOD + " on day " + n);
                    }
                    Object more(int n) {
                        messages.text("no.such-key", n);
                        return new ProblemException(400, "no-such-type", "Whatever",
                                "must be less than or equal to " + n, List.of());
                    }
                }
                """);
        assertEquals(List.of("Broken.java:4: message \"is purple on day 7\"", "Broken.java:7: key \"no.such-key\"",
                        "Broken.java:8: slug \"no-such-type\""),
                ProblemTexts.uncatalogued(sources, new ProblemTexts.Catalogue(Messages.get()::rendersInChinese,
                        ProblemTitles::titled, Messages.get()::has)));
    }

    @Test
    void theCompletenessCheckFindsAMissingLanguageAndDifferentPlaceholders() {
        Properties broken = new Properties();
        broken.setProperty("a.en", "must be at most {0}");
        broken.setProperty("b.zh-CN", "不能为空");
        broken.setProperty("c.en", "has {0} rows");
        broken.setProperty("c.zh-CN", "有 {1} 行");
        broken.setProperty("d.en", "is blank");
        broken.setProperty("d.zh-CN", "blank");
        broken.setProperty("e.fr", "vide");
        assertEquals(List.of("a: no zh-CN text", "b: no en text", "c: the texts' placeholders differ",
                "d: the zh-CN text has no Chinese", "e.fr: not <key>.en or <key>.zh-CN"),
                Messages.incompleteness(broken).stream().sorted().toList());
    }

    @Test
    void translatesByTheMostSpecificPatternAndLeavesUnknownTextsAlone() {
        Messages messages = new Messages(Map.of(
                "max", new String[]{"must be at most {0}", "最多为 {0}"},
                "chars", new String[]{"must be at most {0} characters", "最多 {0} 个字符"},
                "missing", new String[]{"{0} {1} does not exist", "{0} {1} 不存在"},
                "noun", new String[]{"Hazard report", "隐患报告"}));
        assertEquals("最多 12 个字符", messages.translate("must be at most 12 characters", Language.ZH_CN));
        assertEquals("最多为 7", messages.translate("must be at most 7", Language.ZH_CN));
        assertEquals("隐患报告 4f1c 不存在", messages.translate("Hazard report 4f1c does not exist", Language.ZH_CN));
        assertEquals("must be at most 7", messages.translate("must be at most 7", Language.EN));
        assertEquals("something else", messages.translate("something else", Language.ZH_CN));
        assertEquals("最多为 9", messages.text("max", Language.ZH_CN, 9));
        assertEquals("Hazard report 4f1c does not exist", messages.inEnglish("隐患报告 4f1c 不存在"));
        assertEquals("must be at most 12 characters", messages.inEnglish("最多 12 个字符"));
        assertEquals("没有", messages.inEnglish("没有"));
        assertEquals("must be at most 9", messages.text("max", Language.EN, 9));
        assertThrows(IllegalArgumentException.class, () -> messages.text("none", Language.EN));
    }

    @Test
    void termsGivenAtRunTimeNameTheValuesNoCatalogueKnows() {
        Messages messages = new Messages(Map.of(
                "group", new String[]{"in the volunteer group {0} the need is open to", "属于该需求开放的志愿者群体：{0}"},
                "rider", new String[]{"RIDER", "骑手"}));
        assertEquals("属于该需求开放的志愿者群体：退休教师", messages.translate(
                "in the volunteer group RETIRED_TEACHER the need is open to", Language.ZH_CN,
                Map.of("RETIRED_TEACHER", "退休教师")));
        // A term wins over the catalogue (an admin renamed it); values that are no term render as before.
        assertEquals("属于该需求开放的志愿者群体：外卖骑手", messages.translate(
                "in the volunteer group RIDER the need is open to", Language.ZH_CN, Map.of("RIDER", "外卖骑手")));
        assertEquals("属于该需求开放的志愿者群体：骑手", messages.translate(
                "in the volunteer group RIDER the need is open to", Language.ZH_CN, Map.of("OTHER", "其他")));
        assertEquals("in the volunteer group RETIRED_TEACHER the need is open to", messages.translate(
                "in the volunteer group RETIRED_TEACHER the need is open to", Language.EN,
                Map.of("RETIRED_TEACHER", "退休教师")));
    }

    @Test
    void aProblemIsChineseByDefaultFieldNamesStayAndEnglishOnRequest() {
        Problem problem = new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400,
                "name must not be blank; phone: must be a mainland China mobile number", "/api/v1/volunteers",
                List.of(new Violation("name", "must not be blank"),
                        new Violation("phone", "must be a mainland China mobile number")));
        Problem chinese = ProblemTitles.inLanguage(problem, null);
        assertEquals("请求无效", chinese.title());
        assertEquals("name：不能为空；phone：须为中国大陆手机号码", chinese.detail());
        assertEquals(List.of(new Violation("name", "不能为空"), new Violation("phone", "须为中国大陆手机号码")),
                chinese.violations());
        Problem english = ProblemTitles.inLanguage(problem, "en-US,en;q=0.9");
        assertEquals("Invalid request", english.title());
        assertEquals(problem.detail(), english.detail());
        assertEquals(problem.violations(), english.violations());
        Problem notFound = ProblemTitles.inLanguage(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                "Thing 42 does not exist", null, List.of()), "zh-CN");
        assertEquals("Thing 42 不存在", notFound.detail());
    }
}
