package org.linkage.chassis.problem;

import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A problem in the reader's language: Chinese (zh-CN) unless Accept-Language prefers English. The title follows
 * the problem's type, so one catalogue serves every service; the detail and the violations' messages are written
 * in English by the code and rendered through the message catalogues ({@link Messages}); field names stay as in
 * the schema.
 */
public final class ProblemTitles {

    /** Type slug (after {@link Problem#TYPE_BASE}) → {zh-CN, en}. */
    static final Map<String, String[]> TITLES = Map.ofEntries(
            Map.entry("validation", new String[]{"请求无效", "Invalid request"}),
            Map.entry("bad-request", new String[]{"请求有误", "Bad request"}),
            Map.entry("unauthenticated", new String[]{"未登录或凭证无效", "Unauthenticated"}),
            Map.entry("forbidden", new String[]{"无权操作", "Forbidden"}),
            Map.entry("forbidden-role", new String[]{"无权操作", "Forbidden"}),
            Map.entry("export-forbidden", new String[]{"无权导出", "Forbidden"}),
            Map.entry("access-ended", new String[]{"访问已终止", "Access ended"}),
            Map.entry("identity-not-linked", new String[]{"登录尚未关联志愿者", "Not linked"}),
            Map.entry("not-found", new String[]{"未找到", "Not found"}),
            Map.entry("method-not-allowed", new String[]{"不支持该方法", "Method not allowed"}),
            Map.entry("not-acceptable", new String[]{"无法提供所请求的格式", "Not acceptable"}),
            Map.entry("conflict", new String[]{"与当前状态冲突", "Conflict"}),
            Map.entry("invitation-expired", new String[]{"邀请已过期", "Invitation expired"}),
            Map.entry("invitation-closed", new String[]{"邀请已失效", "Invitation no longer valid"}),
            Map.entry("precondition-failed", new String[]{"版本已变更", "Precondition failed"}),
            Map.entry("payload-too-large", new String[]{"请求内容过大", "Payload too large"}),
            Map.entry("uri-too-long", new String[]{"地址过长", "URI too long"}),
            Map.entry("unsupported-media-type", new String[]{"不支持的内容类型", "Unsupported media type"}),
            Map.entry("unsupported-encoding", new String[]{"不支持的文字编码", "Unsupported encoding"}),
            Map.entry("missing-columns", new String[]{"表格列不符合要求", "The sheet's columns do not fit"}),
            Map.entry("rows-rejected", new String[]{"部分行未通过校验", "Rows rejected"}),
            Map.entry("unprocessable", new String[]{"无法处理", "Cannot be processed"}),
            Map.entry("idempotency-key-reused", new String[]{"幂等键已用于另一请求", "Idempotency-Key reused"}),
            Map.entry("invitation-locked", new String[]{"邀请已锁定", "Invitation locked"}),
            Map.entry("rate-limited", new String[]{"请求过于频繁", "Too many requests"}),
            Map.entry("internal-error", new String[]{"服务器内部错误", "Internal server error"}),
            Map.entry("sms-unavailable", new String[]{"短信暂不可用", "SMS unavailable"}),
            Map.entry("overloaded", new String[]{"服务繁忙", "Service overloaded"}));

    private ProblemTitles() {
    }

    /** English when the Accept-Language header's first choice is English; otherwise Chinese. */
    public static boolean english(String acceptLanguage) {
        return Language.ofAcceptLanguage(acceptLanguage) == Language.EN;
    }

    /** The problem with its title, detail and violations' messages in the reader's language. */
    public static Problem inLanguage(Problem problem, String acceptLanguage) {
        Language language = Language.ofAcceptLanguage(acceptLanguage);
        String title = of(problem.type(), problem.title(), acceptLanguage);
        if (language == Language.EN) {
            return problem.titled(title);
        }
        Messages messages = Messages.get();
        List<Violation> violations = Violation.inLanguage(problem.violations(), language);
        return new Problem(problem.type(), title, problem.status(), detail(problem, messages, language),
                problem.instance(), violations);
    }

    /**
     * A detail as a whole from the catalogue; else part by part ("; "), a part that starts with a violation's field
     * ("phone: ..." or "phone ...") keeping the field and rendering the rest.
     */
    private static String detail(Problem problem, Messages messages, Language language) {
        String detail = problem.detail();
        if (detail == null) {
            return null;
        }
        String whole = messages.translate(detail, language);
        if (!whole.equals(detail)) {
            return whole;
        }
        List<String> parts = new ArrayList<>();
        for (String part : detail.split("; ")) {
            parts.add(part(part, problem.violations(), messages, language));
        }
        return String.join("; ", parts).equals(detail) ? detail : String.join("；", parts);
    }

    private static String part(String part, List<Violation> violations, Messages messages, Language language) {
        if (violations != null) {
            for (Violation violation : violations) {
                String field = violation.field();
                if (!field.isEmpty() && part.length() > field.length() + 1 && part.startsWith(field)
                        && (part.charAt(field.length()) == ':' || part.charAt(field.length()) == ' ')) {
                    String rest = part.substring(field.length() + 1).strip();
                    return field + "：" + messages.translate(rest, language);
                }
            }
        }
        return messages.translate(part, language);
    }

    /** A problem type (the slug after {@link Problem#TYPE_BASE}) has its titles in both languages. */
    public static boolean titled(String slug) {
        return TITLES.containsKey(slug);
    }

    /** The title of a problem of this type in the reader's language; the given title for a type not catalogued. */
    public static String of(String type, String title, String acceptLanguage) {
        String[] titles = type == null || !type.startsWith(Problem.TYPE_BASE) ? null
                : TITLES.get(type.substring(Problem.TYPE_BASE.length()));
        if (titles == null) {
            return title;
        }
        return english(acceptLanguage) ? titles[1] : titles[0];
    }

    /** The Content-Language of a problem written for this Accept-Language. */
    public static String language(String acceptLanguage) {
        return english(acceptLanguage) ? "en" : "zh-CN";
    }
}
