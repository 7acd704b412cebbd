package org.linkage.notification.service.sms;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.linkage.notification.config.SmsConfig;
import org.linkage.notification.service.SmsGateway.SmsRefused;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The templates registered per provider, checked at start (a start with a template the service cannot fill is
 * refused, naming the setting), and filled from a notification's data when a message goes out.
 */
@ApplicationScoped
public class SmsTemplates {

    /** The one-time code of a phone-number login (the Keycloak authenticator asks for it): not a notification. */
    public static final String LOGIN_CODE = "LOGIN_CODE";

    /**
     * The data each kind of notification carries (NotificationComposer), which is all a template may show: SMS
     * templates are approved by the provider in advance, so nothing else (no free text) can go into them.
     */
    static final Map<String, Set<String>> DATA = Map.ofEntries(
            Map.entry("OFFER_RECEIVED", Set.of("needId", "assignmentId", "expiresAt", "category",
                    "urgency", "acceptLink", "declineLink")),
            Map.entry("ASSIGNMENT_CONFIRMED", Set.of("needId", "assignmentId", "volunteerId")),
            Map.entry("VOLUNTEER_OFFERED", Set.of("needId", "assignmentId", "volunteerId")),
            Map.entry("VOLUNTEER_OFFER_WITHDRAWN", Set.of("needId", "assignmentId", "volunteerId")),
            Map.entry("VOLUNTEER_OFFER_LAPSED", Set.of("needId", "assignmentId")),
            Map.entry("NEED_UNMATCHED", Set.of("needId")),
            Map.entry("OFFER_EXPIRED", Set.of("needId", "assignmentId")),
            Map.entry("OFFER_WITHDRAWN", Set.of("needId", "assignmentId")),
            Map.entry("STOOD_DOWN", Set.of("needId", "assignmentId")),
            Map.entry("ACTIVITY_REMINDER", Set.of("activityId", "signUpId")),
            Map.entry("SIGN_UP_CONFIRMED", Set.of("activityId", "signUpId")),
            Map.entry("ACTIVITY_CANCELLED", Set.of("activityId")),
            Map.entry("CERTIFICATION_EXPIRING", Set.of("certificationId", "expiresOn")),
            Map.entry("CERTIFICATION_EXPIRED", Set.of("certificationId", "expiresOn")),
            Map.entry("STAR_LEVEL_REACHED", Set.of("starLevel")),
            Map.entry("HOURS_CREDITED", Set.of("entryId", "hours", "lifetimeHours")),
            Map.entry("PAIRING_PAUSED", Set.of("pairingId")),
            Map.entry("PAIRING_REVIEW_DUE", Set.of("pairingId", "reviewDueOn")),
            Map.entry("INVITATION", Set.of("code", "validHours")),
            Map.entry(LOGIN_CODE, Set.of("code", "validMinutes")));

    void refuseUnusableTemplates(@Observes StartupEvent startup, SmsConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with these SMS settings:\n - "
                    + String.join("\n - ", problems));
        }
    }

    /** What is wrong with the SMS settings; empty when they can be used. */
    public static List<String> problems(SmsConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.secondary().filter(config.primary()::equals).isPresent()) {
            problems.add("linkage.sms.secondary: must differ from linkage.sms.primary (" + config.primary() + ")");
        }
        problems.addAll(problems("linkage.sms.aliyun.templates", config.aliyun().templates()));
        problems.addAll(problems("linkage.sms.tencent.templates", config.tencent().templates()));
        return problems;
    }

    static List<String> problems(String prefix, Map<String, SmsConfig.Template> templates) {
        List<String> problems = new ArrayList<>();
        templates.forEach((message, template) -> {
            String at = prefix + "." + message;
            Set<String> carried = DATA.get(message);
            if (carried == null) {
                problems.add(at + ": " + message + " is neither a notification kind nor " + LOGIN_CODE);
                return;
            }
            if (template.code().isBlank()) {
                problems.add(at + ".code: the provider's template code is blank");
            }
            if (template.params().isEmpty()) {
                problems.add(at + ".params: the template's parameters are not given");
            }
            template.params().stream().filter(param -> !carried.contains(param)).forEach(param ->
                    problems.add(at + ".params: " + message + " carries no '" + param + "' (it carries "
                            + carried.stream().sorted().toList() + ")"));
        });
        return problems;
    }

    /** The template's parameters from the notification's data, in the template's order. */
    static LinkedHashMap<String, String> fill(SmsConfig.Provider provider, String message,
                                              SmsConfig.Template template, Map<String, String> data) {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (String param : template.params()) {
            String value = data == null ? null : data.get(param);
            if (value == null || value.isBlank()) {
                throw new SmsRefused("template " + template.code() + " of " + message + " at " + provider
                        + " needs parameter '" + param + "', which the message does not carry");
            }
            values.put(param, value);
        }
        return values;
    }
}
