package org.capledger.query.http;

import java.util.Map;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns {@code page}, {@code size} and {@code sort} ({@code field} or {@code field,desc}) into a {@link Pageable},
 * allowing only the sort fields an endpoint lists. Bad values answer 400 INVALID_PARAMETER.
 */
final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {
    }

    /**
     * @param sortable public sort field name to entity property (or properties, comma separated)
     * @param fallback the order when no sort is given; also the tie-breaker
     */
    static Pageable of(Integer page, Integer size, String sort, Map<String, String> sortable, Sort fallback) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || p > 1_000_000) {
            throw new CapledgerException(ErrorCode.INVALID_PARAMETER, "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new CapledgerException(ErrorCode.INVALID_PARAMETER, "size must be from 1 to " + MAX_SIZE);
        }
        Sort order = fallback;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            String properties = sortable.get(parts[0].strip());
            boolean descending = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
            boolean valid = properties != null && (parts.length == 1
                    || (parts.length == 2 && parts[1].strip().matches("(?i)asc|desc")));
            if (!valid) {
                throw new CapledgerException(ErrorCode.INVALID_PARAMETER,
                        "sort must be one of " + sortable.keySet() + ", optionally followed by ,asc or ,desc");
            }
            order = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, properties.split(","))
                    .and(fallback);
        }
        return PageRequest.of(p, s, order);
    }
}
