package dev.livechat.adapter.http.validation;

import java.util.Objects;

/**
 * One key of a sort order.
 *
 * @param field     the wire name of the field, e.g. {@code ts}
 * @param ascending true for {@code 1}, false for {@code -1}
 */
public record SortField(String field, boolean ascending) {

    public SortField {
        Objects.requireNonNull(field, "field");
    }

    /** {@code {"<field>": 1}}. */
    public static SortField asc(String field) {
        return new SortField(field, true);
    }

    /** {@code {"<field>": -1}}. */
    public static SortField desc(String field) {
        return new SortField(field, false);
    }
}
