package org.linkage.notification.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationKind;

import java.util.Locale;

/**
 * Writes a draft in one language with the Qute template {@code templates/notification/<kind>.<language>.txt}
 * (e.g. {@code offer-received.zh-CN.txt}): its first line is the title, the rest the body. The template sees the
 * draft's values by name and {@code f}, the language's {@link LocalFormat}.
 */
@ApplicationScoped
public class NotificationTemplates {

    private final Engine engine;
    private final DistrictConfig district;

    NotificationTemplates(Engine engine, DistrictConfig district) {
        this.engine = engine;
        this.district = district;
    }

    public NotificationText render(NotificationDraft draft, Language language) {
        TemplateInstance instance = template(draft.kind(), language).instance()
                .data("f", LocalFormat.of(language, district.timeZone()));
        draft.values().forEach(instance::data);
        String text = instance.render();
        int endOfTitle = text.indexOf('\n');
        if (endOfTitle < 0) {
            return new NotificationText(text.strip(), "");
        }
        return new NotificationText(text.substring(0, endOfTitle).strip(), text.substring(endOfTitle + 1).strip());
    }

    /** Every kind has one in every language: a missing one is a packaging error, found by the tests. */
    Template template(NotificationKind kind, Language language) {
        String id = "notification/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + language.tag()
                + ".txt";
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id);
        }
        return template;
    }
}
