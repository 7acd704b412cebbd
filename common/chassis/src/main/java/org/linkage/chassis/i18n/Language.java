package org.linkage.chassis.i18n;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** The two languages the suite writes: Chinese (zh-CN) unless the reader asks for English. */
public enum Language {
    ZH_CN("zh-CN"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The language tag, as Content-Language and profiles write it. */
    public String tag() {
        return tag;
    }

    /** English when the Accept-Language header's first choice is English; otherwise Chinese. */
    public static Language ofAcceptLanguage(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH_CN;
    }

    /** The language the request's reader asked for. */
    public static Language of(HttpHeaders headers) {
        return ofAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** A person's profile language (a BCP 47 tag such as en-GB or zh-CN); Chinese when none is known. */
    public static Language ofProfile(String tag) {
        return ofAcceptLanguage(tag);
    }
}
