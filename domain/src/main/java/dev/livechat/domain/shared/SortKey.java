package dev.livechat.domain.shared;

import java.util.Objects;

/**
 * One key of a sort order. Ties after the last key are broken by {@code _id} ascending; an absent value sorts as the
 * smallest value (first ascending, last descending), as in MongoDB.
 */
public record SortKey<F extends Enum<F>>(F field, boolean ascending) {

    public SortKey {
        Objects.requireNonNull(field, "field");
    }
}
