package org.linkage.notification.service.sms;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.linkage.notification.config.SmsConfig;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.service.SmsGateway.SmsRefused;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Templates the service cannot fill are refused at start, naming the setting; filling follows the template. */
class SmsTemplatesTest {

    record Template(String code, List<String> params) implements SmsConfig.Template {
    }

    private static final String AT = "linkage.sms.aliyun.templates";

    @Test
    void usableTemplatesPass() {
        assertEquals(List.of(), SmsTemplates.problems(AT, Map.of(
                "OFFER_RECEIVED", new Template("SMS_1", List.of("category", "expiresAt")),
                "STOOD_DOWN", new Template("SMS_2", List.of("needId")))));
    }

    @Test
    void aTemplateWithoutItsParametersOrWithOnesTheKindLacksIsRefusedByName() {
        List<String> problems = SmsTemplates.problems(AT, Map.of(
                "OFFER_RECEIVED", new Template("SMS_1", List.of()),
                "STOOD_DOWN", new Template(" ", List.of("volunteerName")),
                "BIRTHDAY", new Template("SMS_3", List.of("name"))));
        assertTrue(problems.contains(AT + ".OFFER_RECEIVED.params: the template's parameters are not given"),
                problems.toString());
        assertTrue(problems.contains(AT + ".STOOD_DOWN.code: the provider's template code is blank"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(AT + ".STOOD_DOWN.params: STOOD_DOWN carries "
                + "no 'volunteerName'")), problems.toString());
        assertTrue(problems.contains(AT + ".BIRTHDAY: BIRTHDAY is neither a notification kind nor LOGIN_CODE"),
                problems.toString());
        assertEquals(4, problems.size(), problems.toString());
    }

    /** The settings as packaged, mapped as at start; then with an operator's mistakes on top. */
    @Test
    void thePackagedSettingsPassAndAnOperatorsMistakesAreNamed() throws IOException {
        assertEquals(List.of(), SmsTemplates.problems(settings(Map.of())));

        List<String> problems = SmsTemplates.problems(settings(Map.of("linkage.sms.secondary", "aliyun",
                "linkage.sms.tencent.templates.STOOD_DOWN.params", "needId,volunteerName")));
        assertEquals(List.of("linkage.sms.secondary: must differ from linkage.sms.primary (ALIYUN)",
                "linkage.sms.tencent.templates.STOOD_DOWN.params: STOOD_DOWN carries no 'volunteerName' "
                        + "(it carries [assignmentId, needId])"), problems);
    }

    private static SmsConfig settings(Map<String, String> operator) throws IOException {
        URL packaged = Path.of("src/main/resources/application.properties").toUri().toURL();
        return new SmallRyeConfigBuilder().withMapping(SmsConfig.class)
                .withSources(new PropertiesConfigSource(packaged, 250))
                .withSources(new PropertiesConfigSource(operator, "environment", 300))
                .build().getConfigMapping(SmsConfig.class);
    }

    @Test
    void parametersAreFilledInTheTemplatesOrderAndAMissingOneRefusesTheMessage() {
        Template template = new Template("1800001", List.of("urgency", "category"));
        LinkedHashMap<String, String> filled = SmsTemplates.fill(SmsConfig.Provider.TENCENT,
                NotificationKind.OFFER_RECEIVED.name(), template, Map.of("category", "助老陪伴", "urgency", "EMERGENCY"));
        assertEquals(List.of("EMERGENCY", "助老陪伴"), List.copyOf(filled.values()));
        SmsRefused refused = assertThrows(SmsRefused.class, () -> SmsTemplates.fill(SmsConfig.Provider.TENCENT,
                NotificationKind.OFFER_RECEIVED.name(), template, Map.of("urgency", "ROUTINE")));
        assertEquals("template 1800001 of OFFER_RECEIVED at TENCENT needs parameter 'category', which the "
                + "message does not carry", refused.getMessage());
    }

    @Test
    void mainlandMobileNumbersOnly() {
        assertEquals("13812345678", ChinaMobile.national("+8613812345678").orElseThrow());
        assertEquals("+8619912345678", ChinaMobile.e164("19912345678").orElseThrow());
        for (String notMobile : List.of("12812345678", "+85261234567", "02161234567", "138123456789", "", "+86")) {
            assertTrue(ChinaMobile.national(notMobile).isEmpty(), notMobile);
        }
    }
}
