package org.linkage.chassis.problem;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemTitlesTest {

    @Test
    void chineseByDefaultEnglishWhenTheReaderPrefersItUnknownTypesKeepTheirTitle() {
        String notFound = Problem.TYPE_BASE + "not-found";
        assertEquals("未找到", ProblemTitles.of(notFound, "Not found", null));
        assertEquals("未找到", ProblemTitles.of(notFound, "Not found", "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("未找到", ProblemTitles.of(notFound, "Not found", "fr-FR"));
        assertEquals("Not found", ProblemTitles.of(notFound, "未找到", "en-US,en;q=0.9"));
        assertEquals("Not found", ProblemTitles.of(notFound, "x", " EN"));
        assertEquals("Teapot", ProblemTitles.of("about:blank", "Teapot", null));
        assertEquals("Teapot", ProblemTitles.of(Problem.TYPE_BASE + "no-such-type", "Teapot", null));
        assertEquals("zh-CN", ProblemTitles.language(null));
        assertEquals("en", ProblemTitles.language("en-GB"));
    }

    /** Completeness: every problem type the suite's main code names has a title in both languages. */
    @Test
    void everyProblemTypeOfTheSuiteHasBothTitles() throws Exception {
        Set<String> slugs = ProblemTypesInCode.slugs().keySet();
        assertTrue(slugs.size() > 15, slugs.toString());
        for (String type : slugs) {
            String[] titles = ProblemTitles.TITLES.get(type);
            assertTrue(titles != null, "no titles for problem type " + type);
            assertFalse(titles[0].isBlank() || titles[1].isBlank(), type);
            assertTrue(titles[0].codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), "the zh-CN title of " + type + " is Chinese");
        }
        for (Map.Entry<String, String[]> entry : ProblemTitles.TITLES.entrySet()) {
            assertEquals(2, entry.getValue().length, entry.getKey());
        }
    }
}
