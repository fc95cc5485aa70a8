package dev.livechat.adapter.jdbc.internal;

import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The column values of one row to write, in column order, each with an explicit SQL type; it renders the matching
 * {@code INSERT} and {@code UPDATE} statements so that column lists and bindings cannot drift apart.
 */
public final class Row {

    private final Map<String, Argument> values = new LinkedHashMap<>();

    public Row string(String column, String value) {
        return put(column, SqlValues.string(value));
    }

    public Row timestamp(String column, Instant value) {
        return put(column, SqlValues.timestamp(value));
    }

    public Row bool(String column, boolean value) {
        return put(column, SqlValues.bool(value));
    }

    public Row nullableBool(String column, Boolean value) {
        return put(column, SqlValues.nullableBool(value));
    }

    public Row integer(String column, Integer value) {
        return put(column, SqlValues.integer(value));
    }

    public Row bigint(String column, Long value) {
        return put(column, SqlValues.bigint(value));
    }

    private Row put(String column, Argument argument) {
        if (values.putIfAbsent(column, argument) != null) {
            throw new IllegalArgumentException("column given twice: " + column);
        }
        return this;
    }

    public List<String> columns() {
        return List.copyOf(values.keySet());
    }

    /** {@code INSERT INTO table (c1, ...) VALUES (:c1, ...)}. */
    public String insertInto(String table) {
        return "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code UPDATE table SET c = :c, ...} for every column except {@code excluded}, without a WHERE clause. */
    public String updateSet(String table, List<String> excluded) {
        return "UPDATE " + table + " SET " + values.keySet().stream()
                .filter(c -> !excluded.contains(c))
                .map(c -> c + " = :" + c)
                .collect(Collectors.joining(", "));
    }

    /** Binds every value under its column name. */
    public <S extends SqlStatement<S>> S bindTo(S statement) {
        values.forEach(statement::bind);
        return statement;
    }
}
