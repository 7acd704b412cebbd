package org.linkage.notification.rest;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.i18n.Messages;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** notification-service's message catalogue: every key has its zh-CN and its en text, with the same placeholders. */
class MessageCatalogueTest {

    @Test
    void everyKeyHasBothLanguages() throws Exception {
        assertEquals(List.of(), Messages.incompleteness(Path.of("src/main/resources", Messages.RESOURCE)));
    }
}
