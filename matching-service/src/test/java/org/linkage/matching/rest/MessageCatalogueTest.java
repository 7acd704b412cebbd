package org.linkage.matching.rest;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;
import org.linkage.chassis.problem.ProblemTitles;
import org.linkage.testing.ProblemTexts;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** matching-service's message catalogue: every key in zh-CN and en, and the texts the matching code writes. */
class MessageCatalogueTest {

    @Test
    void everyKeyHasBothLanguages() throws Exception {
        assertEquals(List.of(), Messages.incompleteness(Path.of("src/main/resources", Messages.RESOURCE)));
    }

    /** No problem the code writes reaches a Chinese reader in English: its texts, types and keys are catalogued. */
    @Test
    void everyProblemTextTheCodeWritesIsCatalogued() {
        assertEquals(List.of(), ProblemTexts.uncatalogued(Path.of("src/main/java"), new ProblemTexts.Catalogue(
                Messages.get()::rendersInChinese, ProblemTitles::titled, Messages.get()::has)));
    }

    @Test
    void offerReasonsAsTheMatchingCodeWritesThemReadInChinese() {
        Messages messages = Messages.get();
        assertEquals("具备技能 elder-care（等级 3）", messages.translate("skill elder-care at level 3", Language.ZH_CN));
        assertEquals("在册有效且正在值守", messages.translate("active and on duty", Language.ZH_CN));
        assertEquals("含本需求本周共 6.5 小时，未超过上限 10 小时",
                messages.translate("6.5 h this week with this need, within the cap of 10 h", Language.ZH_CN));
        assertEquals("按 12 秒前的实时位置计算（误差 ±30 米）",
                messages.translate("measured from the live position of 12 s ago (±30 m)", Language.ZH_CN));
        assertEquals("skill elder-care at level 3", messages.translate("skill elder-care at level 3", Language.EN));
    }
}
