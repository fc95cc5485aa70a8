package dev.livechat.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list and the size of the whole list.
 *
 * @param items this page, in order
 * @param total number of items matching the whole query
 */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (total < items.size()) {
            throw new IllegalArgumentException("total < page size");
        }
    }
}
