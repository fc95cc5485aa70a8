package dev.livechat.adapter.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@code ORDER BY} clause where an absent value sorts as the smallest (first ascending, last descending), as
 * {@code SortKey} requires. MariaDB has no {@code NULLS FIRST}, so nullable columns get a portable
 * {@code CASE WHEN x IS NULL THEN 0 ELSE 1 END} key in front. Column names come from code, never from requests.
 */
public final class SortSql {

    private final List<String> terms = new ArrayList<>();

    /** A column that is never NULL. */
    public SortSql notNull(String column, boolean ascending) {
        terms.add(column + direction(ascending));
        return this;
    }

    /** A nullable column: NULL sorts before every value ascending and after every value descending. */
    public SortSql nullable(String column, boolean ascending) {
        terms.add("CASE WHEN " + column + " IS NULL THEN 0 ELSE 1 END" + direction(ascending));
        terms.add(column + direction(ascending));
        return this;
    }

    /** {@code ORDER BY <terms>, <idColumn> ASC}: ties always fall back to the id ascending, so pages are stable. */
    public String thenById(String idColumn) {
        List<String> all = new ArrayList<>(terms);
        all.add(idColumn + " ASC");
        return " ORDER BY " + String.join(", ", all);
    }

    private static String direction(boolean ascending) {
        return ascending ? " ASC" : " DESC";
    }
}
