package org.linkage.chassis.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the next. Pages are numbered from 0. */
@Schema(description = "One page of results")
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true, examples = "0") int page,
        @Schema(required = true, examples = "20") int size,
        @Schema(required = true, examples = "42") long totalItems,
        @Schema(required = true, examples = "3") int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        int pages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new Page<>(List.copyOf(items), page, size, totalItems, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
