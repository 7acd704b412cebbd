package org.linkage.chassis.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When a {@link Deprecated} operation was deprecated and when it will be removed, both ISO dates (UTC). Every answer
 * of the operation then carries {@code Deprecation}, {@code Sunset} and a {@code Link} to the changelog
 * ({@link DeprecationHeaders}); the OpenAPI document marks it deprecated.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sunset {

    /** The day the operation is removed, e.g. {@code 2027-06-30}. */
    String value();

    /** The day it was deprecated, e.g. {@code 2026-12-06}. */
    String since();
}
