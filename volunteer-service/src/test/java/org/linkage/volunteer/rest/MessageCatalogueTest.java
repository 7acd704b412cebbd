package org.linkage.volunteer.rest;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.i18n.Messages;
import org.linkage.chassis.problem.ProblemTitles;
import org.linkage.testing.ProblemTexts;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** volunteer-service's message catalogue: every key has its zh-CN and its en text, with the same placeholders. */
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
}
