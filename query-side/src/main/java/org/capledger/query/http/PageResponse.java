package org.capledger.query.http;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list.
 *
 * @param items      the rows of this page
 * @param page       zero-based page number
 * @param size       requested page size (1 to 200)
 * @param totalItems rows in the whole list
 * @param totalPages pages in the whole list
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
