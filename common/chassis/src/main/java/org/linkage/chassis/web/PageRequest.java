package org.linkage.chassis.web;

import org.linkage.chassis.problem.ProblemException;

/**
 * The rows a page number and size stand for, as a Panache page. Panache multiplies page by size in an int, so
 * {@code page=2147483647} would overflow into a negative offset (a 500); a page beyond any row a table could hold
 * is simply empty.
 */
public final class PageRequest {

    public static io.quarkus.panache.common.Page of(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be greater than or equal to 0");
        }
        if (size < 1) {
            throw ProblemException.invalid("size", "must be greater than or equal to 1");
        }
        if ((long) page * size > Integer.MAX_VALUE - (long) size) {
            return io.quarkus.panache.common.Page.of((Integer.MAX_VALUE - size) / size, size);
        }
        return io.quarkus.panache.common.Page.of(page, size);
    }

    private PageRequest() {
    }
}
